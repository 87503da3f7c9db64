using FlywheelBot.Conversations;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>
/// The Bot Framework half of a stored <see cref="ConversationAddress"/> (the "conversation reference"): the channel the
/// conversation lives in (<c>msteams</c>, <c>webchat</c>, ...), the connector's service URL, the conversation id, the bot's
/// own account and the Microsoft 365 tenant. Stored as <c>route</c> with <c>$type</c> <see cref="Discriminator"/>; addresses
/// stored before routes existed carried the same fields flat, and still load (see <see cref="BotFrameworkServices"/>).
/// </summary>
internal sealed record BotFrameworkRoute(
    string ChannelId,
    string ServiceUrl,
    string ConversationId,
    string BotId,
    string? BotName,
    string? TenantId) : ConversationRoute
{
    /// <summary>The channel name of Bot Framework addresses (and the key its proactive messenger is registered under).</summary>
    public const string Channel = "botframework";

    public const string Discriminator = "botframework";

    /// <summary>Keeps the bot's name when a newer activity left it out.</summary>
    public override ConversationRoute MergedWith(ConversationRoute? previous) =>
        previous is BotFrameworkRoute earlier ? this with { BotName = BotName ?? earlier.BotName } : this;
}
