namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>The conversation keys the Slack channel gives a workspace's conversations start with this prefix.</summary>
internal static class SlackTeamConversations
{
    public static string KeyPrefix(string teamId) => $"slack:{teamId}:";
}
