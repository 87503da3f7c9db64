using System.Collections.Immutable;
using FlywheelBot.Views;
using FlywheelBot.Views.Images;

namespace FlywheelBot.CheckIns.Views;

/// <summary>
/// The last weeks (oldest first, labelled by ISO week in the team's zone): each stage's status and the metric to
/// watch. The card renderer draws <see cref="MetricValues"/> as a small line chart.
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
}
