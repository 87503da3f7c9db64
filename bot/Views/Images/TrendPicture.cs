using System.Collections.Immutable;

namespace FlywheelBot.Views.Images;

/// <summary>
/// What the trend chart shows: the metric's label, week labels and values (oldest first, null for a week without a
/// value), the target line when there is one, whether lower is better, and how to write a value ("12 %").
/// </summary>
public sealed record TrendPicture(
    string MetricLabel,
    ImmutableArray<string> WeekLabels,
    ImmutableArray<decimal?> Values,
    decimal? Target,
    bool LowerIsBetter,
    Func<decimal, string> Format);
