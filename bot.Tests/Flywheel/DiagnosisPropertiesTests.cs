using System.Text.Json;
using FlywheelBot.Flywheel;
using FsCheck.Xunit;

namespace FlywheelBot.Tests.Flywheel;

/// <summary>What holds for any input, checked with FsCheck over random inputs.</summary>
[Properties(Arbitrary = [typeof(FlywheelArbitraries)], MaxTest = 300)]
public sealed class DiagnosisPropertiesTests
{
    private static readonly DiagnosisEngine SecondEngine = new(PlaybookLoader.LoadDefault());

    [Property]
    public void There_is_exactly_one_recommendation_it_exists_suits_the_audience_and_works_on_the_bottleneck(GeneratedInput generated)
    {
        var diagnosis = Given.Engine.Diagnose(generated.Input);

        Assert.True(Given.Playbook.TryGetActivity(diagnosis.Recommendation.ActivityId, out var activity));
        Assert.True(activity.Suits(generated.Input.Audience));
        Assert.Equal(diagnosis.Bottleneck.Stage, activity.Stage);
        Assert.True(Given.Playbook.TryGetMetric(diagnosis.Recommendation.MetricToWatch, out _));
        Assert.InRange(diagnosis.Recommendation.ReviewInDays, 1, 365);
        Assert.Equal(Enum.GetValues<StageId>(), diagnosis.Stages.Select(s => s.Stage));
    }

    [Property]
    public void The_target_is_better_than_the_current_value_whenever_both_are_known(GeneratedInput generated)
    {
        var r = Given.Engine.Diagnose(generated.Input).Recommendation;
        var metric = Given.Playbook.Metric(r.MetricToWatch);

        if (r.CurrentValue is { } current && r.TargetValue is { } target)
        {
            Assert.True(metric.Direction == MetricDirection.HigherIsBetter ? target > current : target < current, $"{metric.Id}: {current} -> {target}");
        }

        Assert.True(r.TargetValue is not null || r.CurrentValue is null || current_is_at_the_limit(metric, r.CurrentValue.Value), $"{metric.Id}: no target from {r.CurrentValue}");

        static bool current_is_at_the_limit(MetricDefinition metric, decimal value) =>
            metric.Direction == MetricDirection.HigherIsBetter ? value == metric.Max : value == metric.Min;
    }

    [Property]
    public void The_cheap_stage_status_the_interview_asks_equals_the_full_diagnosis(GeneratedInput generated)
    {
        var diagnosis = Given.Engine.Diagnose(generated.Input);

        Assert.All(diagnosis.Stages, stage => Assert.Equal(stage.Status, Given.Engine.StatusOf(generated.Input, stage.Stage)));
    }

    [Property]
    public void New_awareness_always_makes_awareness_the_bottleneck(GeneratedInput generated)
    {
        var diagnosis = Given.Engine.Diagnose(generated.Input with { Awareness = MarketAwareness.New });

        Assert.Equal(StageId.Awareness, diagnosis.Bottleneck.Stage);
        Assert.False(diagnosis.Bottleneck.IsOptimisation);
    }

    [Property]
    public void Improving_a_weak_metric_to_healthy_never_moves_a_weak_bottleneck_earlier(GeneratedInput generated)
    {
        var input = generated.Input;
        var before = Given.Engine.Diagnose(input);
        var weak = before.Stages.SelectMany(s => s.Evidence).Where(e => e.Verdict == StageStatus.Weak && e.Value is not null);
        foreach (var evidence in weak)
        {
            var healthy = Given.Playbook.Metric(evidence.MetricId).ThresholdFor(input.Audience)!.Healthy;
            var after = Given.Engine.Diagnose(input with { Metrics = input.Metrics.SetItem(evidence.MetricId, healthy) });

            Assert.True(
                after.Bottleneck.Status != StageStatus.Weak || after.Bottleneck.Stage >= before.Bottleneck.Stage,
                $"improving {evidence.MetricId} moved the bottleneck from {before.Bottleneck.Stage} to {after.Bottleneck.Stage}");
        }
    }

    [Property]
    public void The_stop_doing_list_never_holds_the_recommendation_and_only_holds_reported_work_with_a_reason(GeneratedInput generated)
    {
        var diagnosis = Given.Engine.Diagnose(generated.Input);

        Assert.DoesNotContain(diagnosis.StopDoing, s => s.ActivityId == diagnosis.Recommendation.ActivityId);
        Assert.All(diagnosis.StopDoing, s => Assert.Contains(s.ActivityId, generated.Input.Doing));
        Assert.All(diagnosis.StopDoing, s => Assert.False(string.IsNullOrWhiteSpace(s.Why)));
        Assert.Equal(diagnosis.StopDoing.Length, diagnosis.StopDoing.Select(s => s.ActivityId).Distinct().Count());
    }

    [Property]
    public void A_negative_nps_never_gets_an_advocacy_push_and_end_users_never_get_analyst_relations(GeneratedInput generated)
    {
        var diagnosis = Given.Engine.Diagnose(generated.Input);
        var recommended = diagnosis.Recommendation.ActivityId;

        if (generated.Input.Metrics.TryGetValue("nps", out var nps) && nps < 0)
        {
            Assert.DoesNotContain(recommended, new[] { "referral-program", "customer-references", "case-studies", "review-sites", "user-champions" });
        }

        if (generated.Input.Metrics.TryGetValue("leads", out var leads) && leads < 30)
        {
            Assert.NotEqual("lead-qualification", recommended);
        }

        if (generated.Input.Audience == Audience.EndUser)
        {
            Assert.NotEqual("analyst-relations", recommended);
        }
    }

    [Property]
    public void Unknown_stages_before_a_weak_bottleneck_are_listed_as_missing(GeneratedInput generated)
    {
        var diagnosis = Given.Engine.Diagnose(generated.Input);
        if (diagnosis.Bottleneck.IsOptimisation || generated.Input.Awareness == MarketAwareness.New)
        {
            return;
        }

        var expected = diagnosis.Stages
            .Where(s => s.Stage < diagnosis.Bottleneck.Stage && s.Status == StageStatus.Unknown)
            .SelectMany(s => Given.Playbook.DecidingMetrics(generated.Input.Audience, s.Stage))
            .Select(m => m.Id);
        Assert.All(expected, id => Assert.Contains(diagnosis.Missing, m => m.MetricId == id));
        Assert.Equal(diagnosis.Missing.Length, diagnosis.Missing.Select(m => m.MetricId).Distinct().Count());
    }

    [Property]
    public void The_same_input_always_gives_the_same_diagnosis(GeneratedInput generated)
    {
        var first = Given.Engine.Diagnose(generated.Input);
        var second = SecondEngine.Diagnose(generated.Input);

        Assert.Equal(Serialize(first), Serialize(second));
    }

    private static string Serialize(Diagnosis diagnosis) =>
        JsonSerializer.Serialize(DiagnosisDocument.From(diagnosis), FlywheelBot.Flywheel.FlywheelJsonContext.Default.DiagnosisDocument);
}
