using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Views;

/// <summary>
/// The one next activity: the bottleneck stage and why, the activity and why, the first step this week,
/// the metric to watch with target and review date, what to stop, and what was assumed instead of missing answers.
/// <see cref="Source"/> says where the data came from (e.g. the team profile and its age) when not a fresh interview.
/// </summary>
public sealed record RecommendationView(
    string StageName,
    int StageNumber,
    bool IsOptimisation,
    string BottleneckReason,
    string ActivityTitle,
    string Why,
    string FirstStep,
    string MetricToWatch,
    string Target,
    DateOnly ReviewOn,
    ImmutableArray<StopItem> StopDoing,
    ImmutableArray<string> Assumptions,
    string? Source) : ViewModel
{
    /// <summary>For senior decision-makers: the activity's spoke and what it feeds next, in one sentence; null otherwise.</summary>
    public string? Spoke { get; init; }

    /// <summary>The team's goal and its progress in one line ("Goal: New leads per month: 50 by 31 Mar 2027 (now 8, …)"), or null.</summary>
    public string? Goal { get; init; }

    /// <summary>How the next activity moves the goal, in one sentence, or null without a goal.</summary>
    public string? GoalLink { get; init; }

    /// <summary>The bottleneck stage's status: weak, watch (short of its benchmark), healthy (an optimisation) or unknown (no data).</summary>
    public StageStatus BottleneckStatus { get; init; } = IsOptimisation ? StageStatus.Healthy : StageStatus.Weak;

    /// <summary>Set when the team does too many things at once: the line that asks it to focus.</summary>
    public string? Focus { get; init; }

    /// <summary>Reported numbers that contradict each other, each asking which is right.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>The headline naming the stage the advice is about, in the wording of its status.</summary>
    public string Headline => BottleneckStatus switch
    {
        _ when IsOptimisation => $"Optimise: {StageName} (stage {StageNumber} of 5). Nothing is on fire.",
        StageStatus.Watch => $"On watch: {StageName} (stage {StageNumber} of 5). Nothing is weak, but it is short of its benchmark.",
        _ => $"Bottleneck: {StageName} (stage {StageNumber} of 5)",
    };
}
