using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Finds reported numbers that cannot all be right: more leads than visitors, a rate that does not fit its two counts,
/// more referral leads than leads, a "new" market with a healthy flow of visitors. Each warning names the metrics and
/// asks which number is right. Looks only at what was reported, never at derived numbers.
/// </summary>
internal static class ConsistencyCheck
{
    private const string Visitors = "monthly_visitors";
    private const string Leads = "leads";
    private const string Referrals = "referrals";

    public static ImmutableArray<DataWarning> Find(Playbook playbook, DiagnosisInput input)
    {
        var reported = input.Metrics;
        var warnings = ImmutableArray.CreateBuilder<DataWarning>();
        foreach (var relation in MetricDerivation.Relations(playbook))
        {
            var from = playbook.Metric(relation.From);
            var to = playbook.Metric(relation.To);
            if (!reported.TryGetValue(relation.From, out var fromValue) || !reported.TryGetValue(relation.To, out var toValue))
            {
                continue;
            }

            if (toValue > fromValue)
            {
                warnings.Add(new DataWarning(
                    [relation.From, relation.To],
                    $"You reported {Count(toValue, to, input.Audience)} but only {Count(fromValue, from, input.Audience)}: which number is right?"));
                continue;
            }

            if (reported.TryGetValue(relation.Rate, out var rate))
            {
                var expected = fromValue * rate / 100m;
                var off = Math.Abs(expected - toValue);
                if (off >= 3 && (toValue == 0 || expected / Math.Max(toValue, 0.01m) > 2 || toValue / Math.Max(expected, 0.01m) > 2))
                {
                    var rateMetric = playbook.Metric(relation.Rate);
                    warnings.Add(new DataWarning(
                        [relation.From, relation.Rate, relation.To],
                        $"{Cap(Count(fromValue, from, input.Audience))} at {MetricText.Value(rateMetric, rate)} would make about {Count(Math.Round(expected, 0, MidpointRounding.AwayFromZero), to, input.Audience)}, but you said {MetricText.Number(toValue)}: which number is right?"));
                }
            }
        }

        if (playbook.TryGetMetric(Referrals, out var referralMetric) && playbook.TryGetMetric(Leads, out var leadMetric)
            && reported.TryGetValue(Referrals, out var referrals) && reported.TryGetValue(Leads, out var leads) && referrals > leads)
        {
            warnings.Add(new DataWarning(
                [Referrals, Leads],
                $"{Cap(Count(referrals, referralMetric, input.Audience))} is more than all {Count(leads, leadMetric, input.Audience)}, and referrals are part of them: which number is right?"));
        }

        if (input.Awareness == MarketAwareness.New && playbook.TryGetMetric(Visitors, out var visitorMetric)
            && visitorMetric.ThresholdFor(input.Audience) is { } lines && reported.TryGetValue(Visitors, out var visitors) && visitors >= lines.Healthy)
        {
            warnings.Add(new DataWarning(
                [StageAssessor.MarketAwarenessEvidence, Visitors],
                $"You say the market does not know you yet, but {Count(visitors, visitorMetric, input.Audience)} is a healthy flow (healthy from {MetricText.Number(lines.Healthy)}): is the market really new, or is the number off?"));
        }

        return warnings.ToImmutable();
    }

    /// <summary>"300 website visitors a month": the number and the metric's label in words.</summary>
    private static string Count(decimal value, MetricDefinition metric, Audience audience)
    {
        var label = metric.LabelFor(audience);
        var words = label.EndsWith(" per month", StringComparison.Ordinal) ? label[..^" per month".Length] : label;
        return $"{MetricText.Number(value)} {words.ToLowerInvariant()} a month";
    }

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
