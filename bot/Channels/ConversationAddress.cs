using FlywheelBot.Advisor;

namespace FlywheelBot.Channels;

/// <summary>
/// Where to send a proactive message: everything a channel needs to reach a conversation later
/// (the Bot Framework "conversation reference"). <see cref="ConversationKey"/> equals <see cref="InboundTurn.ConversationKey"/>.
/// </summary>
public sealed record ConversationAddress(
    string ConversationKey,
    string ChannelId,
    string ServiceUrl,
    string ConversationId,
    ConversationScope Scope,
    string BotId,
    string? BotName,
    string? TenantId,
    string? TimeZone);
