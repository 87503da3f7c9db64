using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Flywheel;

namespace FlywheelBot.CheckIns;

/// <summary>
/// <see cref="ICheckInAdvice"/> over the playbook and <see cref="DiagnosisEngine"/>: asks for the bottleneck stage's
/// deciding metrics plus the metric to watch, reads values with <see cref="MetricValueParser"/>, and understands the
/// names people type ("visitors", "churn", "activation", "sov") from the playbook's <see cref="MetricNames"/>.
/// </summary>
internal sealed class EngineCheckInAdvice(DiagnosisEngine engine) : ICheckInAdvice
{
    public const int MaxFields = 4;

    public Playbook Playbook => engine.Playbook;

    public Diagnosis Diagnose(DiagnosisInput input) => engine.Diagnose(input);

    public ImmutableArray<CheckInMetric> MetricsToAsk(TeamProfile? profile, Diagnosis? diagnosis, string? metricToWatch)
    {
        if (profile is null || diagnosis is null)
        {
            return [];
        }

        var ids = Playbook.DecidingMetrics(profile.Audience, diagnosis.Bottleneck.Stage).Select(m => m.Id).ToList();
        if (metricToWatch is not null && Playbook.TryGetMetric(metricToWatch, out _))
        {
            ids.Remove(metricToWatch);
            ids.Insert(0, metricToWatch);
        }

        // The team's goal metric and each running campaign's goal metric are asked on top: every goal shows progress.
        var goals = new[] { profile.Goal?.MetricId }
            .Concat(profile.Campaigns.Where(c => c.IsRunning).Select(c => (string?)c.Plan.Goal.MetricId))
            .OfType<string>()
            .Where(id => Playbook.TryGetMetric(id, out _));
        return [.. ids.Distinct().Take(MaxFields).Concat(goals).Distinct().Select(Describe)];
    }

    public bool TryResolveMetric(string name, [NotNullWhen(true)] out string? metricId) => Playbook.MetricNames.TryFind(name, out metricId);

    public bool TryParseValue(string metricId, string text, out decimal value)
    {
        value = 0;
        if (!Playbook.TryGetMetric(metricId, out var metric) || MetricValueParser.Parse(metric, text).Value is not { } parsed)
        {
            return false;
        }

        value = parsed;
        return true;
    }

    public CheckInMetric Describe(string metricId) =>
        Playbook.TryGetMetric(metricId, out var m)
            ? new CheckInMetric(m.Id, Label(m), m.Unit switch
            {
                MetricUnit.Percent => "%",
                MetricUnit.PerMonth => "per month",
                MetricUnit.Hours => "hours",
                _ => "score",
            })
            : new CheckInMetric(metricId, metricId, string.Empty);

    private static string Label(MetricDefinition metric) => metric.Label.Replace(" (%)", string.Empty, StringComparison.Ordinal).Trim();
}
