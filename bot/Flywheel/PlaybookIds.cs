using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>The ids the playbook file uses for units, directions and effort (stages etc. use <see cref="FlywheelIds"/>).</summary>
internal static class PlaybookIds
{
    public static readonly ImmutableArray<(string Id, MetricUnit Value)> Units =
        [("per-month", MetricUnit.PerMonth), ("percent", MetricUnit.Percent), ("score", MetricUnit.Score), ("hours", MetricUnit.Hours)];

    public static readonly ImmutableArray<(string Id, MetricDirection Value)> Directions =
        [("higher", MetricDirection.HigherIsBetter), ("lower", MetricDirection.LowerIsBetter)];

    public static readonly ImmutableArray<(string Id, ActivityEffort Value)> Efforts =
        [("low", ActivityEffort.Low), ("medium", ActivityEffort.Medium), ("high", ActivityEffort.High)];

    public static string Of(MetricUnit unit) => Units.First(u => u.Value == unit).Id;

    public static string Of(MetricDirection direction) => Directions.First(d => d.Value == direction).Id;

    public static string Of(ActivityEffort effort) => Efforts.First(e => e.Value == effort).Id;
}
