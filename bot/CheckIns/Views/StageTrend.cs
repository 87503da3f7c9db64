using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.CheckIns.Views;

/// <summary>One stage's status week by week, oldest first; null for a week without a snapshot.</summary>
public sealed record StageTrend(StageId Stage, ImmutableArray<StageStatus?> Weeks);
