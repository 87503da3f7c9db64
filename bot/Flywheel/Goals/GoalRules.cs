using System.Globalization;

namespace FlywheelBot.Flywheel.Goals;

/// <summary>
/// Checks a goal against the playbook and the calendar: the metric must exist, the target must fit the metric's bounds,
/// and the date must not be in the past. Every refusal is one sentence a person can act on.
/// </summary>
public static class GoalRules
{
    /// <summary>The problem with the goal, or null when it is a goal a team can set today.</summary>
    public static string? Problem(Playbook playbook, string metricId, decimal target, DateOnly by, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        if (!playbook.TryGetMetric(metricId, out var metric))
        {
            return $"unknown metric '{metricId}' (allowed: {string.Join(", ", playbook.Metrics.Select(m => m.Id))})";
        }

        if (metric.Min is { } min && target < min)
        {
            return $"a target for {metric.Id} cannot be below {MetricText.Number(min)}, got {MetricText.Number(target)}";
        }

        if (metric.Max is { } max && target > max)
        {
            return $"a target for {metric.Id} cannot be above {MetricText.Number(max)}, got {MetricText.Number(target)}";
        }

        if (by < today)
        {
            return $"the date {Date(by)} is in the past (today is {Date(today)}); give a date from today on";
        }

        return null;
    }

    /// <summary>"31 Mar 2027".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Parses an ISO date (yyyy-mm-dd) only: no guessing between day-first and month-first.</summary>
    public static bool TryParseIsoDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
