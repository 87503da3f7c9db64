using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Flywheel;

namespace FlywheelBot.CheckIns;

/// <summary>
/// <see cref="ICheckInAdvice"/> over the playbook and <see cref="DiagnosisEngine"/>: asks for the bottleneck stage's
/// deciding metrics plus the metric to watch, reads values with <see cref="MetricValueParser"/>, and understands short
/// names people type ("visitors", "churn", "activation", "sov").
/// </summary>
internal sealed class EngineCheckInAdvice(DiagnosisEngine engine) : ICheckInAdvice
{
    public const int MaxFields = 4;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["visitors"] = "monthly_visitors",
        ["website_visitors"] = "monthly_visitors",
        ["traffic"] = "monthly_visitors",
        ["sov"] = "share_of_voice_pct",
        ["share_of_voice"] = "share_of_voice_pct",
        ["inbound"] = "inbound_conversations",
        ["conversations"] = "inbound_conversations",
        ["email_clicks"] = "email_click_pct",
        ["email_ctr"] = "email_click_pct",
        ["linkedin_ctr"] = "linkedin_ctr_pct",
        ["ctr"] = "linkedin_ctr_pct",
        ["conversion"] = "visitor_to_lead_pct",
        ["visitor_to_lead"] = "visitor_to_lead_pct",
        ["close_rate"] = "lead_to_customer_pct",
        ["win_rate"] = "lead_to_customer_pct",
        ["response_time"] = "lead_response_hours",
        ["response_hours"] = "lead_response_hours",
        ["trial_conversion"] = "trial_to_paid_pct",
        ["churn"] = "monthly_churn_pct",
        ["activation"] = "activation_pct",
        ["referral_leads"] = "referrals",
    };

    private Playbook Playbook => engine.Playbook;

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

        return [.. ids.Distinct().Take(MaxFields).Select(Describe)];
    }

    public bool TryResolveMetric(string name, [NotNullWhen(true)] out string? metricId)
    {
        var key = string.Join('_', (name ?? string.Empty).Trim().ToLowerInvariant()
            .Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var candidate in new[] { key, Aliases.GetValueOrDefault(key), key + "_pct", "monthly_" + key })
        {
            if (candidate is not null && Playbook.TryGetMetric(candidate, out var metric))
            {
                metricId = metric.Id;
                return true;
            }
        }

        var byLabel = Playbook.Metrics.FirstOrDefault(m => string.Equals(Label(m).Replace(' ', '_'), key, StringComparison.OrdinalIgnoreCase));
        metricId = byLabel?.Id;
        return metricId is not null;
    }

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
