using System.Collections.Immutable;
using FlywheelBot.Views;

namespace FlywheelBot.CheckIns.Views;

/// <summary>The weekly check-in (or its one reminder): this week's values of the metrics that matter now.</summary>
public sealed record CheckInPromptView(
    string Period,
    string TimeZoneId,
    bool IsReminder,
    ImmutableArray<CheckInPromptField> Fields,
    string? BottleneckStage,
    string? MetricToWatch) : ViewModel;
