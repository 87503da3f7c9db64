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
        var stages = Playbook.Stages.Select(s => StageAssessor.Assess(Playbook, input, s.Id)).ToImmutableArray();
        var weakMetrics = stages.SelectMany(s => s.Evidence).Where(e => e.Verdict == StageStatus.Weak).Select(e => e.MetricId).ToImmutableHashSet(StringComparer.Ordinal);
        var bottleneck = BottleneckFinder.Find(Playbook, input, stages);
        var bottleneckStage = stages.Single(s => s.Stage == bottleneck.Stage);
        var choice = RecommendationPicker.Pick(Playbook, input, bottleneckStage, weakMetrics);
        var stopDoing = StopDoingList.Build(Playbook, input, bottleneckStage, bottleneck, choice.Activity.Id);
        var missing = MissingList.Build(Playbook, input, stages, bottleneck, choice.Assumptions);
        return new Diagnosis(input, stages, bottleneck, choice.Recommendation, stopDoing, missing);
    }

    /// <summary>One stage's status as <see cref="Diagnose"/> would assess it, without the rest of the advice.</summary>
    public StageStatus StatusOf(DiagnosisInput input, StageId stage)
    {
        ArgumentNullException.ThrowIfNull(input);
        return StageAssessor.Status(Playbook, input, stage);
    }
}
