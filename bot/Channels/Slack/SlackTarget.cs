namespace FlywheelBot.Channels.Slack;

/// <summary>
/// Where a turn's answer goes in Slack: the workspace's installation, the channel (a DM's D…, a channel's C…), the thread
/// to answer in (an app_mention is answered in its thread), the user (for ephemeral messages and the home tab), the
/// <c>response_url</c> of a slash command or action (used when the bot is not in the channel), and the message a button
/// was pressed on (updated in place when the button answered it). <see cref="HelpToCallerOnly"/>: a slash command in a
/// channel, whose help and errors only its caller sees (ephemeral).
/// </summary>
internal sealed record SlackTarget(
    SlackInstallation Installation,
    string ChannelId,
    string? ThreadTs,
    string? UserId,
    Uri? ResponseUrl,
    string? MessageTs)
{
    public bool HelpToCallerOnly { get; init; }
}
