using System.Collections.Immutable;

namespace FlywheelBot.Conversations;

/// <summary>
/// One inbound turn, already stripped of its wire format.
/// <see cref="ConversationKey"/> is channel-qualified (<c>{channelId}:{conversationId}</c>) and keys all stored state.
/// <see cref="Text"/> has the bot's own @mention removed. <see cref="Values"/> holds a pressed button's data and the form's
/// input values, flattened to strings; the command of the button is <see cref="Views.ViewData.Command"/>.
/// <see cref="TimeZone"/> is an IANA zone when the channel told us one (Teams clientInfo), else null.
/// </summary>
public sealed record InboundTurn(
    string ConversationKey,
    ConversationScope Scope,
    TurnKind Kind,
    string UserId,
    string? UserName,
    string? Text,
    ImmutableDictionary<string, string> Values,
    string? TimeZone)
{
    public static InboundTurn Message(string conversationKey, string text, ConversationScope scope = ConversationScope.Personal, string userId = "user") =>
        new(conversationKey, scope, TurnKind.Message, userId, null, text, ImmutableDictionary<string, string>.Empty, null);
}
