namespace FlywheelBot.Channels.Slack;

/// <summary>
/// The conversation keys of Slack conversations: <c>slack:{teamId}:{channelId}</c>. All state of a Slack conversation is
/// stored under it, and every key of a workspace starts with <see cref="TeamPrefix"/> (used when an install is removed).
/// </summary>
internal static class SlackConversationKeys
{
    public static string For(string teamId, string channelId) => $"{TeamPrefix(teamId)}{channelId}";

    public static string TeamPrefix(string teamId) => $"slack:{teamId}:";
}
