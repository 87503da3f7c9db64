namespace FlywheelBot.Tests.Channels.Slack.Support;

/// <summary>The modal and App Home views the Slack channel builds, recorded for the type check (filled in as views are added).</summary>
internal static class SlackViewSamples
{
    public static void RecordAll()
    {
    }
}
