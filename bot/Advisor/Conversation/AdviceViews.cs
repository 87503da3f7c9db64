using System.Collections.Immutable;
using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Goals;
using FlywheelBot.Views;
using FlywheelBot.Views.Images;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>Turns the engine's diagnosis into the recommendation and stage-walk views (wording only, no decisions).</summary>
internal sealed class AdviceViews(IFlywheelGuide guide)
{
    public RecommendationView Recommendation(Diagnosis diagnosis, DateTimeOffset now, IEnumerable<string> notes, string? source, FlywheelGoal? goal = null)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var recommendation = diagnosis.Recommendation;
        var audience = diagnosis.Input.Audience;
        var assumptions = notes
            .Concat(diagnosis.Missing.Select(m => $"{MetricLabel(m.MetricId, audience)}: {m.Assumption}"))
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
            MetricLabel(recommendation.MetricToWatch, audience),
            recommendation.Target,
            DateOnly.FromDateTime(now.UtcDateTime.AddDays(recommendation.ReviewInDays)),
            StopItems(diagnosis),
            assumptions,
            source)
        {
            Spoke = recommendation.Spoke?.Sentence,
            Goal = Progress(goal, diagnosis, now)?.Text,
            GoalLink = goal is not null && guide.Playbook is { } playbook && playbook.TryGetMetric(goal.MetricId, out _)
                ? GoalLinkText(playbook, goal, recommendation)
                : null,
            BottleneckStatus = diagnosis.Bottleneck.Status,
            Focus = diagnosis.Focus,
            Warnings = [.. diagnosis.Warnings.Select(w => w.Text)],
        };
    }

    private static string? GoalLinkText(Playbook playbook, FlywheelGoal goal, Recommendation recommendation) =>
        playbook.TryGetActivity(recommendation.ActivityId, out _) ? FlywheelBot.Flywheel.Goals.GoalLink.Explain(playbook, goal, recommendation) : null;

    private GoalProgress? Progress(FlywheelGoal? goal, Diagnosis diagnosis, DateTimeOffset now) =>
        goal is not null && guide.Playbook is { } playbook && playbook.TryGetMetric(goal.MetricId, out _)
            ? GoalProgress.Of(playbook, goal, diagnosis.Input.Metrics.TryGetValue(goal.MetricId, out var v) ? v : null, DateOnly.FromDateTime(now.UtcDateTime))
            : null;

    public StageWalkView StageWalk(Diagnosis diagnosis, FlywheelGoal? goal = null, DateTimeOffset? now = null)
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
        var wheel = guide.Playbook is { } playbook
            ? WheelPictures.Render(WheelPictures.From(diagnosis, playbook, now is { } at ? Progress(goal, diagnosis, at) : null))
            : null;
        return new StageWalkView(lines, diagnosis.Bottleneck.Reason) { Wheel = wheel };
    }

    public string MetricLabel(string metricId) => guide.FindMetric(metricId)?.Label ?? metricId;

    public string MetricLabel(string metricId, Audience audience) => guide.FindMetric(metricId, audience)?.Label ?? metricId;

    /// <summary>One line per reason: work stopped for the same reason is listed together, so no sentence repeats.</summary>
    private ImmutableArray<StopItem> StopItems(Diagnosis diagnosis) =>
        [.. diagnosis.StopDoing
            .GroupBy(s => s.Why, StringComparer.Ordinal)
            .Select(g => new StopItem(Join([.. g.Select(s => guide.ActivityTitle(s.ActivityId))]), g.Key))];

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        1 => items[0],
        _ => string.Join("; ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
