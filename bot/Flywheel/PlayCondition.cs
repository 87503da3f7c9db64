using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// When a play applies. Each list is "any of"; an empty list matches everything. <see cref="WeakMetrics"/> matches when
/// at least one of the listed metrics was reported weak.
/// </summary>
public sealed record PlayCondition(
    ImmutableArray<MarketAwareness> Awareness,
    ImmutableArray<Community> Community,
    ImmutableArray<string> WeakMetrics)
{
    public static PlayCondition Always { get; } = new([], [], []);

    public bool IsAlways => Awareness.IsEmpty && Community.IsEmpty && WeakMetrics.IsEmpty;

    public bool Matches(MarketAwareness awareness, Community community, IReadOnlySet<string> weakMetrics) =>
        (Awareness.IsEmpty || Awareness.Contains(awareness))
        && (Community.IsEmpty || Community.Contains(community))
        && (WeakMetrics.IsEmpty || WeakMetrics.Any(weakMetrics.Contains));
}
