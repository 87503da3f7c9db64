using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// The metrics that would change the answer, with the assumption made instead: stages without data before the
/// bottleneck (all of them when optimising or without any data), plus what gates and plays assumed.
/// </summary>
internal static class MissingList
{
    public static ImmutableArray<MissingMetric> Build(Playbook playbook, DiagnosisInput input, ImmutableArray<StageAssessment> stages, Bottleneck bottleneck, ImmutableArray<MissingMetric> assumptions)
    {
        var noData = stages.All(s => s.Status == StageStatus.Unknown);
        var inScope = input.Awareness == MarketAwareness.New && !noData
            ? []
            : stages.Where(s => s.Status == StageStatus.Unknown && (bottleneck.IsOptimisation || noData || s.Stage < bottleneck.Stage));
        var result = new List<MissingMetric>();
        foreach (var stage in inScope)
        {
            var name = FlywheelIds.Of(stage.Stage);
            foreach (var metric in playbook.DecidingMetrics(input.Audience, stage.Stage))
            {
                var assumption = noData && stage.Stage == bottleneck.Stage
                    ? $"Not reported; the advice starts at {name}, the start of the wheel, until this is known."
                    : $"Not reported, so {name} is assumed to work. If it is weak, {name} is the bottleneck instead and the advice changes.";
                result.Add(new MissingMetric(metric.Id, assumption));
            }
        }

        result.AddRange(assumptions);
        return [.. result.DistinctBy(m => m.MetricId)];
    }
}
