namespace FlywheelBot.Flywheel.Goals;

/// <summary>
/// One sentence on how an activity moves the goal: directly (it works on the goal's metric), through the stage the
/// goal measures, from upstream (a stage before the goal's feeds it), or round the wheel (a later stage: advocacy feeds
/// awareness again). For senior decision-makers it also names the spoke it feeds next.
/// </summary>
public static class GoalLink
{
    public static string Explain(Playbook playbook, FlywheelGoal goal, Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(recommendation);
        return Explain(playbook, goal, playbook.Activity(recommendation.ActivityId), recommendation.Spoke);
    }

    public static string Explain(Playbook playbook, FlywheelGoal goal, ActivityDefinition activity, SpokeLink? spoke)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(activity);
        var goalMetric = playbook.Metric(goal.MetricId);
        var goalLabel = goalMetric.Label.ToLowerInvariant();
        var stage = playbook.Stage(activity.Stage).Title.ToLowerInvariant();
        var goalStage = playbook.Stage(goalMetric.Stage).Title.ToLowerInvariant();
        var moved = playbook.TryGetMetric(activity.MetricId, out var m) ? m.Label.ToLowerInvariant() : activity.MetricId;
        var sentence = activity.MetricId == goal.MetricId
            ? $"It moves the goal directly: it works on {goalLabel} itself."
            : activity.Stage == goalMetric.Stage
                ? $"It works on {stage}, the stage the goal measures: better {moved} lifts {goalLabel}."
                : activity.Stage < goalMetric.Stage
                    ? $"It moves the goal from upstream: {stage} comes before {goalStage} in the wheel, so better {moved} widens what reaches {goalLabel}."
                    : $"The goal sits at {goalStage}, before {stage} in the wheel; each turn of {stage} feeds awareness again, so better {moved} keeps {goalLabel} growing turn after turn.";
        return spoke is { } s
            ? $"{sentence} Through {s.Title.ToLowerInvariant()} it also feeds {s.FeedsTitle.ToLowerInvariant()}."
            : sentence;
    }
}
