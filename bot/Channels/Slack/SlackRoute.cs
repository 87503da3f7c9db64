using FlywheelBot.Conversations;

namespace FlywheelBot.Channels.Slack;

/// <summary>
/// The Slack half of a stored <see cref="ConversationAddress"/>: the workspace (team, and enterprise for org-wide
/// installs) whose installation holds the token, the channel (a DM's D…, a channel's C…), the thread to answer in (only
/// for replies that belong to a thread; stored addresses leave it empty, so a check-in starts a new message), and the
/// user who last spoke (for a DM, whose profile gives the time zone). Stored as <c>route</c> with <c>$type</c> <c>slack</c>.
/// </summary>
internal sealed record SlackRoute(string TeamId, string? EnterpriseId, string ChannelId, string? ThreadTs, string? UserId) : ConversationRoute
{
    /// <summary>The channel name of Slack addresses (and the key the Slack messenger is registered under).</summary>
    public const string Channel = "slack";

    public const string Discriminator = "slack";

    /// <summary>Keeps the enterprise and the user when a newer turn left them out.</summary>
    public override ConversationRoute MergedWith(ConversationRoute? previous) =>
        previous is SlackRoute earlier ? this with { EnterpriseId = EnterpriseId ?? earlier.EnterpriseId, UserId = UserId ?? earlier.UserId } : this;
}
