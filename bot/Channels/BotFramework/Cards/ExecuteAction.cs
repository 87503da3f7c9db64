using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>
/// A universal action (Adaptive Cards 1.4+): the bot may answer with a card that replaces this one.
/// <see cref="Fallback"/> is an Action.Submit with the same data for hosts without universal actions.
/// </summary>
internal sealed record ExecuteAction(string Title, [property: JsonPropertyOrder(-1)] string Verb, ImmutableSortedDictionary<string, string> Data)
    : CardAction(Title, Data)
{
    [JsonPropertyOrder(3)]
    public CardAction? Fallback { get; init; }
}
