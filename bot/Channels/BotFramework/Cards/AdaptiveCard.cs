using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>The card root, schema 1.5 (what Teams renders).</summary>
internal sealed record AdaptiveCard(ImmutableArray<CardElement> Body, ImmutableArray<CardAction> Actions)
{
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-3)]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-2)]
    public string Type => "AdaptiveCard";

    [JsonPropertyOrder(-1)]
    public string Version => "1.5";

    public string? FallbackText { get; init; }
}
