using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// A rule that blocks activities. It applies to <see cref="Audiences"/> (empty = all) and blocks when
/// <see cref="BlockWhen"/> is met (null = always). When the metric is not reported, <see cref="BlockIfMissing"/>
/// decides and <see cref="Assumption"/> says what was assumed.
/// </summary>
public sealed record Gate(
    string Id,
    string Rule,
    ImmutableArray<string> Activities,
    ImmutableArray<Audience> Audiences,
    MetricCondition? BlockWhen,
    bool BlockIfMissing,
    string? Assumption,
    string Reason)
{
    public bool AppliesTo(Audience audience, string activityId) =>
        (Audiences.IsEmpty || Audiences.Contains(audience)) && Activities.Contains(activityId);
}
