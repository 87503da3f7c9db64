using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Views.Images;

/// <summary>
/// What the flywheel picture shows: each stage's status in flywheel order, the bottleneck (null when none is known),
/// whether it is only an optimisation, and the goal in the centre (null when the team has none).
/// </summary>
public sealed record WheelPicture(ImmutableArray<WheelStage> Stages, StageId? Bottleneck, bool IsOptimisation, WheelGoal? Goal);

/// <summary>One stage on the wheel: its title and status.</summary>
public sealed record WheelStage(StageId Stage, string Title, StageStatus Status);

/// <summary>The goal in the wheel's centre: the metric's label, the target line, the "now" line and the progress (0 to 1) when known.</summary>
public sealed record WheelGoal(string MetricLabel, string TargetLine, string? NowLine, double? Fraction);
