using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Everything the engine looks at. Metrics are keyed by metric id (e.g. <c>monthly_visitors</c>);
/// percentages are stored as percent points (12.5 means 12.5 %). <see cref="Doing"/> holds activity ids.
/// </summary>
public sealed record DiagnosisInput(
    Audience Audience,
    MarketAwareness Awareness,
    Community Community,
    ImmutableDictionary<string, decimal> Metrics,
    ImmutableHashSet<string> Doing)
{
    public static DiagnosisInput Create(Audience audience, MarketAwareness awareness, Community community = Community.Unknown) =>
        new(audience, awareness, community, ImmutableDictionary<string, decimal>.Empty, ImmutableHashSet<string>.Empty);
}
