using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Views;

/// <summary>One stage of the walk: its status and the evidence that decided it.</summary>
public sealed record StageLine(int Number, string Name, StageStatus Status, bool IsBottleneck, ImmutableArray<string> Evidence);
