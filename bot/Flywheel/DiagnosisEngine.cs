using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Turns a team's answers into advice with the playbook's rules. Pure and deterministic: no I/O, no clock; the same
/// input always gives an equal <see cref="Diagnosis"/>. The review date is <see cref="Recommendation.ReviewInDays"/>
/// after the caller's own "now".
/// </summary>
public sealed class DiagnosisEngine(Playbook playbook)
{
    public Playbook Playbook { get; } = playbook ?? throw new ArgumentNullException(nameof(playbook));

    /// <summary>
    /// Assesses every stage, finds the bottleneck, picks exactly one activity, lists the reported work to stop and the
    /// missing metrics with the assumptions made. Metric ids and activity ids the playbook does not know are ignored.
    /// </summary>
    public Diagnosis Diagnose(DiagnosisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var warnings = ConsistencyCheck.Find(Playbook, input);
        var (metrics, derived) = MetricDerivation.Complete(Playbook, input.Metrics);
        input = input with { Metrics = metrics };
        var stages = Playbook.Stages.Select(s => Explain(StageAssessor.Assess(Playbook, input, s.Id), derived, input.Audience)).ToImmutableArray();
        var weakMetrics = stages.SelectMany(s => s.Evidence).Where(e => e.Verdict == StageStatus.Weak).Select(e => e.MetricId).ToImmutableHashSet(StringComparer.Ordinal);
        var bottleneck = BottleneckFinder.Find(Playbook, input, stages);
        var bottleneckStage = stages.Single(s => s.Stage == bottleneck.Stage);
        var choice = RecommendationPicker.Pick(Playbook, input, bottleneckStage, weakMetrics);
        var (stopDoing, keep, focus) = StopDoingList.Build(Playbook, input, bottleneckStage, bottleneck, choice.Activity.Id);
        var missing = MissingList.Build(Playbook, input, stages, bottleneck, choice.Assumptions);
        return new Diagnosis(input, stages, bottleneck, choice.Recommendation, stopDoing, missing)
        {
            Warnings = warnings,
            Focus = focus,
            KeepDoing = keep,
            Derived = derived,
        };
    }

    /// <summary>One stage's status as <see cref="Diagnose"/> would assess it, without the rest of the advice.</summary>
    public StageStatus StatusOf(DiagnosisInput input, StageId stage)
    {
        ArgumentNullException.ThrowIfNull(input);
        return StageAssessor.Status(Playbook, input with { Metrics = MetricDerivation.Complete(Playbook, input.Metrics).Metrics }, stage);
    }

    /// <summary>
    /// The first stage in flywheel order that <see cref="Diagnose"/> would assess weak, or null when none is: what the
    /// interview asks on every turn, with the implied metrics worked out once for all the stages.
    /// </summary>
    public StageId? FirstWeakStage(DiagnosisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var completed = input with { Metrics = MetricDerivation.Complete(Playbook, input.Metrics).Metrics };
        foreach (var stage in StageAssessor.Order)
        {
            if (StageAssessor.Status(Playbook, completed, stage) == StageStatus.Weak)
            {
                return stage;
            }
        }

        return null;
    }

    private StageAssessment Explain(StageAssessment stage, ImmutableHashSet<string> derived, Audience audience) =>
        stage.Evidence.Any(e => derived.Contains(e.MetricId))
            ? stage with { Evidence = [.. stage.Evidence.Select(e => derived.Contains(e.MetricId) ? e with { Text = $"{e.Text} (Worked out from {Sources(e.MetricId, audience)}.)" } : e)] }
            : stage;

    private string Sources(string metricId, Audience audience)
    {
        var relation = MetricDerivation.Relations(Playbook).First(r => r.Rate == metricId || r.From == metricId || r.To == metricId);
        var others = new[] { relation.Rate, relation.From, relation.To }.Where(id => id != metricId).Select(id => $"your {Playbook.Metric(id).LabelFor(audience).Replace(" (%)", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}");
        return string.Join(" and ", others);
    }
}
