using System.Collections.Immutable;
using FlywheelBot.Views;
using FlywheelBot.Views.Images;

namespace FlywheelBot.CheckIns.Views;

/// <summary>
/// The last weeks (oldest first, labelled by ISO week in the team's zone): each stage's status and the metric to
/// watch, and its chart as a picture (PNG bytes + alt text) that each channel delivers its own way.
/// </summary>
public sealed record CheckInHistoryView(
    string TimeZoneId,
    ImmutableArray<string> WeekLabels,
    ImmutableArray<StageTrend> Stages,
    CheckInMetric? MetricToWatch,
    ImmutableArray<decimal?> MetricValues,
    int SnapshotCount) : ViewModel
{
    /// <summary>The line the chart draws as the target (the team's goal when it is this metric, else the healthy benchmark), or null.</summary>
    public decimal? Target { get; init; }

    /// <summary>True for metrics that improve by going down (churn, response time).</summary>
    public bool LowerIsBetter { get; init; }

    /// <summary>The chart of <see cref="MetricValues"/>, rendered once for every channel (bytes and alt text), or null when there are no values.</summary>
    public RenderedImage? Chart { get; init; }

    /// <summary>The turns of the wheel up to the latest week, in words (null when there is nothing to say yet).</summary>
    public string? Momentum { get; init; }

    /// <summary>
    /// The chart every channel shows: <see cref="Chart"/>, or one drawn from the values (plain numbers) when the view came
    /// without it; null when there is no metric or no value to draw.
    /// </summary>
    public RenderedImage? Picture() =>
        Chart ?? (MetricToWatch is { } metric && MetricValues.Any(v => v.HasValue)
            ? TrendChartImage.Render(new TrendPicture(metric.Label, WeekLabels, MetricValues, Target, LowerIsBetter, TrendChartImage.Plain))
            : null);
}
