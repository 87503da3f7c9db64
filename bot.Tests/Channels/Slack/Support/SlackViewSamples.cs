using FlywheelBot.Channels.Slack.BlockKit;
using FlywheelBot.Tests.Views;

namespace FlywheelBot.Tests.Channels.Slack.Support;

/// <summary>The modal and App Home views the Slack channel builds, recorded for the type check.</summary>
internal static class SlackViewSamples
{
    public static void RecordAll()
    {
        SlackBlockCorpus.RecordView("home-empty", HomeTab.Build(null, null));
        SlackBlockCorpus.RecordView("home", HomeTab.Build(SampleViews.Recommendation, SampleViews.StageWalk));
    }
}
