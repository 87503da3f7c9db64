using System.Collections.Immutable;

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
}
