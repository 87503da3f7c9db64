using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace FlywheelBot.Views.Cards;

/// <summary>A card button. <see cref="Data"/> is a small flat string map (the channel flattens it into InboundTurn.Values).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
internal abstract record CardAction(string Title, ImmutableSortedDictionary<string, string> Data)
{
    public ActionStyle? Style { get; init; }
}
