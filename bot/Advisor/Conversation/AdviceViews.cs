using System.Collections.Immutable;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>Turns the engine's diagnosis into the recommendation and stage-walk views (wording only, no decisions).</summary>
internal sealed class AdviceViews(IFlywheelGuide guide)
{
    public RecommendationView Recommendation(Diagnosis diagnosis, DateTimeOffset now, IEnumerable<string> notes, string? source)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var recommendation = diagnosis.Recommendation;
        var assumptions = notes
            .Concat(diagnosis.Missing.Select(m => $"{MetricLabel(m.MetricId)}: {m.Assumption}"))
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        return new RecommendationView(
            StageNames.Of(diagnosis.Bottleneck.Stage),
            StageNames.Number(diagnosis.Bottleneck.Stage),
            diagnosis.Bottleneck.IsOptimisation,
            diagnosis.Bottleneck.Reason,
            recommendation.Title,
            recommendation.Why,
            recommendation.FirstStep,
            MetricLabel(recommendation.MetricToWatch),
            recommendation.Target,
            DateOnly.FromDateTime(now.UtcDateTime.AddDays(recommendation.ReviewInDays)),
            diagnosis.StopDoing.Select(s => new StopItem(guide.ActivityTitle(s.ActivityId), s.Why)).ToImmutableArray(),
            assumptions,
            source);
    }

    public StageWalkView StageWalk(Diagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var lines = diagnosis.Stages
            .OrderBy(s => s.Stage)
            .Select(s => new StageLine(
                StageNames.Number(s.Stage),
                StageNames.Of(s.Stage),
                s.Status,
                s.Stage == diagnosis.Bottleneck.Stage,
                s.Evidence.Select(e => e.Text).ToImmutableArray()))
            .ToImmutableArray();
        return new StageWalkView(lines, diagnosis.Bottleneck.Reason);
    }

    public string MetricLabel(string metricId) => guide.FindMetric(metricId)?.Label ?? metricId;
}
