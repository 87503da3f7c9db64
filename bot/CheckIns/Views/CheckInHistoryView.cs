using System.Collections.Immutable;
using FlywheelBot.Views;

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
    int SnapshotCount) : ViewModel;
