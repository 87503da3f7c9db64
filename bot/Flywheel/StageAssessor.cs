using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>Decides each stage's status from the reported metrics; awareness <c>new</c> makes awareness weak.</summary>
internal static class StageAssessor
{
    /// <summary>The pseudo metric id used in evidence for the market awareness answer.</summary>
    public const string MarketAwarenessEvidence = "market_awareness";

    /// <summary>The stages in flywheel order (the enum's order), made once.</summary>
    public static ImmutableArray<StageId> Order { get; } = [.. Enum.GetValues<StageId>()];

    public static StageAssessment Assess(Playbook playbook, DiagnosisInput input, StageId stage)
    {
        var evidence = ImmutableArray.CreateBuilder<Evidence>();
        if (stage == StageId.Awareness && input.Awareness == MarketAwareness.New)
        {
            evidence.Add(new Evidence(
                MarketAwarenessEvidence,
                null,
                StageStatus.Weak,
                "Market awareness is new: the market does not know you yet, and nothing downstream works until it does."));
        }

        foreach (var verdict in Verdicts(playbook, input, stage))
        {
            evidence.Add(new Evidence(verdict.Metric.Id, verdict.Value, verdict.Status, verdict.Sentence()));
        }

        var status = StatusOf(evidence.Select(e => e.Verdict));
        if (status == StageStatus.Unknown)
        {
            foreach (var metric in playbook.DecidingMetrics(input.Audience, stage))
            {
                evidence.Add(new Evidence(metric.Id, null, StageStatus.Unknown, $"{metric.LabelFor(input.Audience)}: not reported."));
            }
        }

        return new StageAssessment(stage, status, evidence.ToImmutable());
    }

    /// <summary>
    /// The stage's status alone, without the evidence sentences (the interview asks it on every turn): the same answer
    /// as <see cref="Assess"/>.
    /// </summary>
    public static StageStatus Status(Playbook playbook, DiagnosisInput input, StageId stage)
    {
        if (stage == StageId.Awareness && input.Awareness == MarketAwareness.New)
        {
            return StageStatus.Weak;
        }

        var result = StageStatus.Unknown;
        foreach (var metric in playbook.MetricsFor(input.Audience, stage))
        {
            if (input.Metrics.TryGetValue(metric.Id, out var value))
            {
                result = Combine(result, new MetricVerdict(metric, metric.ThresholdFor(input.Audience)!, value).Status);
                if (result == StageStatus.Weak)
                {
                    return result;
                }
            }
        }

        return result;
    }

    public static IEnumerable<MetricVerdict> Verdicts(Playbook playbook, DiagnosisInput input, StageId stage) =>
        from metric in playbook.MetricsFor(input.Audience, stage)
        where input.Metrics.ContainsKey(metric.Id)
        select new MetricVerdict(metric, metric.ThresholdFor(input.Audience)!, input.Metrics[metric.Id]);

    /// <summary>Weak when any evidence is weak, else watch when any is on watch, healthy when there is evidence, unknown without any.</summary>
    private static StageStatus StatusOf(IEnumerable<StageStatus> verdicts)
    {
        var result = StageStatus.Unknown;
        foreach (var verdict in verdicts)
        {
            result = Combine(result, verdict);
            if (result == StageStatus.Weak)
            {
                return result;
            }
        }

        return result;
    }

    /// <summary>The status so far with one more verdict: weak wins, then watch; the first verdict replaces unknown.</summary>
    private static StageStatus Combine(StageStatus result, StageStatus verdict)
    {
        if (verdict == StageStatus.Weak)
        {
            return StageStatus.Weak;
        }

        return verdict == StageStatus.Watch || result == StageStatus.Unknown
            ? (result == StageStatus.Watch ? StageStatus.Watch : verdict)
            : result;
    }
}
