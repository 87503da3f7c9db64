using System.Text.RegularExpressions;

namespace FlywheelBot.Flywheel;

/// <summary>
/// The target of a recommendation, relative to the team: better than its current value of the metric to watch. Below
/// the healthy benchmark the target is the benchmark; already at it (only when every candidate is healthy, an
/// optimisation) it is a step past the current value. Unknown current value: the playbook's own target text.
/// </summary>
internal static partial class TeamTarget
{
    public static (string Text, decimal? Current, decimal? Target) For(Playbook playbook, DiagnosisInput input, ActivityDefinition activity)
    {
        if (!playbook.TryGetMetric(activity.MetricId, out var metric) || metric.ThresholdFor(input.Audience) is not { } lines)
        {
            return (activity.Target, null, null);
        }

        if (!input.Metrics.TryGetValue(metric.Id, out var current))
        {
            return (activity.Target, null, null);
        }

        var days = Days().Match(activity.Target) is { Success: true } m ? m.Groups["days"].Value : activity.ReviewInDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var label = Plain(metric.LabelFor(input.Audience));
        var now = MetricText.Value(metric, current);
        var healthy = MetricText.Value(metric, lines.Healthy);
        var verdict = new MetricVerdict(metric, lines, current);
        if (!verdict.MeetsBenchmark)
        {
            return ($"{label}: from {now} to {healthy} (the healthy benchmark) within {days} days.", current, lines.Healthy);
        }

        if (Stretch(metric, current) is { } stretch)
        {
            return ($"{label}: from {now} to {MetricText.Value(metric, stretch)} within {days} days (an optimisation: it already meets the benchmark of {healthy}).", current, stretch);
        }

        return ($"{label}: keep it at {now}, already as good as it gets.", current, null);
    }

    /// <summary>A label without its "(%)" (the value says it is a percentage).</summary>
    public static string Plain(string label) => label.Replace(" (%)", string.Empty, StringComparison.Ordinal);

    /// <summary>True when the team already meets the benchmark of the metric the activity is meant to raise.</summary>
    public static bool AlreadyHealthy(Playbook playbook, DiagnosisInput input, ActivityDefinition activity) =>
        playbook.TryGetMetric(activity.MetricId, out var metric)
        && metric.ThresholdFor(input.Audience) is { } lines
        && input.Metrics.TryGetValue(metric.Id, out var current)
        && new MetricVerdict(metric, lines, current).MeetsBenchmark;

    /// <summary>A step past a value that already meets the benchmark, inside the metric's bounds; null when there is none.</summary>
    public static decimal? Stretch(MetricDefinition metric, decimal current)
    {
        var higher = metric.Direction == MetricDirection.HigherIsBetter;
        var next = metric.Unit switch
        {
            MetricUnit.Score => higher ? current + 5 : current - 5,
            MetricUnit.Percent or MetricUnit.Hours => Math.Round(higher ? Math.Max(current * 1.1m, current + 0.1m) : current * 0.8m, 1, MidpointRounding.AwayFromZero),
            _ => higher ? Math.Ceiling(Math.Max(current * 1.2m, current + 1)) : Math.Floor(current * 0.8m),
        };
        if (metric.Max is { } max && next > max)
        {
            next = max;
        }

        if (metric.Min is { } min && next < min)
        {
            next = min;
        }

        return (higher ? next > current : next < current) ? next : null;
    }

    [GeneratedRegex(@"within (?<days>\d+) days")]
    private static partial Regex Days();
}
