using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>A card button. <see cref="Data"/> is a small flat string map (the channel flattens it into InboundTurn.Values).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
internal abstract record CardAction(
    [property: JsonPropertyOrder(-2)] string Title,
    [property: JsonPropertyOrder(1)] ImmutableSortedDictionary<string, string> Data)
{
    [JsonPropertyOrder(2)]
    public ActionStyle? Style { get; init; }
}
