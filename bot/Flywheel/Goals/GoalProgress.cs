namespace FlywheelBot.Flywheel.Goals;

/// <summary>
/// Where a team stands against its goal on a given day: the current value (null when not reported), how far along the
/// way from the baseline it is (0 to 1, null when unknown), whether it is reached and how many days are left
/// (negative once the date has passed). <see cref="Text"/> is the line shown on recommendations and check-ins.
/// </summary>
public sealed record GoalProgress(FlywheelGoal Goal, string MetricLabel, decimal? Current, double? Fraction, bool Reached, int DaysLeft, string Text)
{
    public static GoalProgress Of(Playbook playbook, FlywheelGoal goal, decimal? current, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(goal);
        var metric = playbook.Metric(goal.MetricId);
        var lower = metric.Direction == MetricDirection.LowerIsBetter;
        var reached = current is { } now && (lower ? now <= goal.Target : now >= goal.Target);
        double? fraction = null;
        if (current is { } value)
        {
            var start = goal.Baseline ?? (lower ? (decimal?)null : 0m);
            if (reached)
            {
                fraction = 1;
            }
            else if (start is { } s && s != goal.Target)
            {
                fraction = Math.Clamp((double)((value - s) / (goal.Target - s)), 0, 1);
            }
        }

        var days = goal.By.DayNumber - today.DayNumber;
        var target = $"{metric.Label}: {MetricText.Value(metric, goal.Target)} by {GoalRules.Date(goal.By)}";
        var state = (current, reached, days) switch
        {
            (null, _, >= 0) => $"no value reported yet; {Days(days)} left",
            (null, _, _) => $"no value reported; the date passed {Days(-days)} ago",
            ({ } v, true, _) => $"reached (now {MetricText.Value(metric, v)})",
            ({ } v, false, >= 0) => $"now {MetricText.Value(metric, v)}, {MetricText.Value(metric, Math.Abs(goal.Target - v))} to go; {Days(days)} left",
            ({ } v, false, _) => $"now {MetricText.Value(metric, v)}; the date passed {Days(-days)} ago without reaching it",
        };
        return new GoalProgress(goal, metric.Label, current, fraction, reached, days, $"Goal: {target} ({state}).");
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
