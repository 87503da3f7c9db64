using System.Text.RegularExpressions;
using FlywheelBot.Flywheel;
using static FlywheelBot.Flywheel.Audience;
using static FlywheelBot.Flywheel.MarketAwareness;

namespace FlywheelBot.Tests.Flywheel;

/// <summary>
/// Issue 15 at the engine: targets relative to the team (item 3), contradictions named (4), focus when a team does
/// everything (7), words for people (8). The watch status (5) is pinned in <see cref="DiagnosisRulesTests"/>.
/// </summary>
public sealed partial class ColleagueAdviceTests
{
    private static readonly string Everything = string.Join(',', Given.Playbook.Activities.Select(a => a.Id));

    // Item 3: the target is better than the team's value, and a metric already healthy is not the thing to raise.
    [Theory]
    [InlineData(Sdm, Established, "monthly_visitors=3000 visitor_to_lead_pct=10 leads=4", "landing-page-optimisation")]
    [InlineData(EndUser, Established, "monthly_visitors=6000 inbound_conversations=40 visitor_to_lead_pct=7.5 lead_to_customer_pct=2", "landing-page-optimisation")]
    [InlineData(Sdm, Emerging, "monthly_visitors=9000 inbound_conversations=1", null)]
    [InlineData(Sdm, Emerging, "monthly_visitors=2400 leads=8", null)]
    [InlineData(EndUser, Emerging, "monthly_visitors=20000 inbound_conversations=60 leads=900 lead_to_customer_pct=6 activation_pct=22", null)]
    [InlineData(Sdm, Established, "monthly_visitors=1600 inbound_conversations=50 leads=300 nps=60", null)]
    public void The_target_is_always_better_than_the_current_value_and_never_raises_a_healthy_metric(Audience audience, MarketAwareness awareness, string metrics, string? notThis)
    {
        var diagnosis = Given.Diagnose(audience, awareness, metrics);
        var r = diagnosis.Recommendation;

        if (notThis is not null)
        {
            Assert.NotEqual(notThis, r.ActivityId);
        }

        var metric = Given.Playbook.Metric(r.MetricToWatch);
        if (diagnosis.Input.Metrics.TryGetValue(metric.Id, out var current))
        {
            Assert.Equal(current, r.CurrentValue);
            Assert.NotNull(r.TargetValue);
            Assert.True(Better(metric, r.TargetValue!.Value, current), $"target {r.TargetValue} is not better than {current}");
            Assert.Contains(MetricText.Value(metric, r.TargetValue!.Value), r.Target, StringComparison.Ordinal);
            var lines = metric.ThresholdFor(audience)!;
            Assert.True(diagnosis.Bottleneck.IsOptimisation || !Better(metric, current, lines.Healthy) && current != lines.Healthy, "raises a metric that is already healthy");
        }
        else
        {
            Assert.Null(r.CurrentValue);
        }
    }

    [Fact]
    public void A_team_below_the_line_gets_the_benchmark_as_its_target_with_both_numbers_in_the_text()
    {
        var r = Given.Diagnose(Sdm, Emerging, "monthly_visitors=2400 leads=8").Recommendation;

        Assert.Equal("landing-page-optimisation", r.ActivityId);
        Assert.Equal(0.33m, r.CurrentValue);
        Assert.Equal(3m, r.TargetValue);
        Assert.Contains("from 0.33 % to 3 %", r.Target, StringComparison.Ordinal);
    }

    [Fact]
    public void Passing_over_an_activity_whose_metric_is_healthy_says_why()
    {
        var r = Given.Diagnose(Sdm, Established, "monthly_visitors=3000 visitor_to_lead_pct=10 leads=4").Recommendation;

        Assert.Contains("Not \u201CFix the pages where visitors should become leads\u201D: your visitor to lead conversion is already healthy at 10 %.", r.Why, StringComparison.Ordinal);
        Assert.DoesNotContain("the pages and the promise come first", r.Why, StringComparison.Ordinal);
    }

    // Item 4: numbers that cannot all be right are named, with the metrics involved, and the advice still comes.
    [Theory]
    [InlineData(Sdm, Established, "monthly_visitors=0 leads=500", new[] { "monthly_visitors", "leads" })]
    [InlineData(Sdm, Established, "monthly_visitors=3000 visitor_to_lead_pct=10 leads=4", new[] { "monthly_visitors", "visitor_to_lead_pct", "leads" })]
    [InlineData(EndUser, New, "monthly_visitors=20000", new[] { "market_awareness", "monthly_visitors" })]
    [InlineData(Sdm, Emerging, "leads=5 referrals=12", new[] { "referrals", "leads" })]
    public void Contradicting_numbers_are_named_and_the_question_which_is_right_is_asked(Audience audience, MarketAwareness awareness, string metrics, string[] expected)
    {
        var diagnosis = Given.Diagnose(audience, awareness, metrics);

        var warning = Assert.Single(diagnosis.Warnings);
        Assert.Equal(expected, warning.Metrics);
        Assert.EndsWith("?", warning.Text, StringComparison.Ordinal);
        Assert.Contains("which number is right", warning.Text.ToLowerInvariant().Replace("is the market really new, or is the number off", "which number is right", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Sdm, Established, "monthly_visitors=3000 visitor_to_lead_pct=2 leads=60")]
    [InlineData(Sdm, Established, "monthly_visitors=3000 leads=60")]
    [InlineData(Sdm, New, "monthly_visitors=200")]
    [InlineData(EndUser, Emerging, "leads=100 referrals=12")]
    public void Numbers_that_fit_together_raise_no_warning(Audience audience, MarketAwareness awareness, string metrics) =>
        Assert.Empty(Given.Diagnose(audience, awareness, metrics).Warnings);

    // Item 2 at the engine: a rate is worked out from its counts, and says so.
    [Fact]
    public void Visitor_to_lead_is_worked_out_from_visitors_and_leads_and_follows_a_new_lead_count()
    {
        var before = Given.Diagnose(Sdm, Established, "monthly_visitors=3000 leads=15");
        var after = Given.Diagnose(Sdm, Established, "monthly_visitors=3000 leads=35");

        Assert.Equal(0.5m, before.Input.Metrics["visitor_to_lead_pct"]);
        Assert.Equal(1.17m, after.Input.Metrics["visitor_to_lead_pct"]);
        Assert.Contains("visitor_to_lead_pct", after.Derived);
        var evidence = after.Stages.SelectMany(s => s.Evidence).Single(e => e.MetricId == "visitor_to_lead_pct");
        Assert.Contains("Worked out from", evidence.Text, StringComparison.Ordinal);
        Assert.Equal(600m, Given.Diagnose(Sdm, Established, "monthly_visitors=30000 visitor_to_lead_pct=2").Input.Metrics["leads"]);
    }

    [Fact]
    public void An_update_to_one_count_drops_the_rate_it_made_stale()
    {
        var reported = Given.Input(Sdm, Established, "monthly_visitors=3000 visitor_to_lead_pct=0.5 leads=15").Metrics;

        var updated = MetricDerivation.Update(Given.Playbook, reported, "leads", 35);

        Assert.False(updated.ContainsKey("visitor_to_lead_pct"));
        Assert.Equal(1.17m, MetricDerivation.Complete(Given.Playbook, updated).Metrics["visitor_to_lead_pct"]);
        Assert.False(MetricDerivation.Update(Given.Playbook, reported, "visitor_to_lead_pct", 2).ContainsKey("leads"));
    }

    // Item 7: doing everything gets a focus line, at most three keep running, the bottleneck's work is never paused,
    // the other audience's work is always stopped.
    [Theory]
    [InlineData(Sdm, Emerging, "monthly_visitors=2400 leads=8", StageId.Conversion)]
    [InlineData(Sdm, New, "", StageId.Awareness)]
    [InlineData(EndUser, Established, "monthly_visitors=12000 inbound_conversations=60 leads=400 activation_pct=18", StageId.Adoption)]
    [InlineData(EndUser, Emerging, "monthly_visitors=9000 inbound_conversations=2", StageId.Engagement)]
    public void Doing_everything_gets_a_focus_line_and_at_most_three_things_keep_running(Audience audience, MarketAwareness awareness, string metrics, StageId bottleneck)
    {
        var diagnosis = Given.Diagnose(audience, awareness, metrics, Everything);

        Assert.Equal(bottleneck, diagnosis.Bottleneck.Stage);
        Assert.NotNull(diagnosis.Focus);
        Assert.Contains("burns people out", diagnosis.Focus, StringComparison.Ordinal);
        Assert.Contains("budget", diagnosis.Focus, StringComparison.Ordinal);
        Assert.InRange(diagnosis.KeepDoing.Length, 1, 3);
        Assert.Equal(diagnosis.Recommendation.ActivityId, diagnosis.KeepDoing[0]);
        var stopped = diagnosis.StopDoing.Select(s => s.ActivityId).ToHashSet();
        Assert.Equal(Given.Playbook.Activities.Length - diagnosis.KeepDoing.Length, stopped.Count);
        Assert.All(Given.Playbook.Activities.Where(a => !a.Suits(audience)), a => Assert.Contains(a.Id, stopped));
        var bottleneckWork = Given.Playbook.Activities.Where(a => a.Suits(audience) && a.Stage == bottleneck && GateFree(diagnosis, a.Id)).Select(a => a.Id).ToList();
        Assert.All(diagnosis.KeepDoing, id => Assert.Contains(Given.Playbook.Activity(id).Stage, new[] { bottleneck }));
        Assert.Equal(Math.Min(3, bottleneckWork.Count), diagnosis.KeepDoing.Length);
    }

    [Fact]
    public void The_free_proven_lever_on_the_bottleneck_keeps_running_when_everything_else_pauses()
    {
        var diagnosis = Given.Diagnose(Sdm, Emerging, "monthly_visitors=2400 leads=8", Everything);

        Assert.Contains("sales-follow-up-sla", diagnosis.KeepDoing);
        Assert.DoesNotContain(diagnosis.StopDoing, s => s.ActivityId == "sales-follow-up-sla");
        Assert.Contains(diagnosis.StopDoing, s => s.ActivityId == "community-outreach" && s.Why.Contains("end users", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("seo,ppc")]
    [InlineData("seo,ppc,webinars,pr,contact-paths")]
    public void Five_things_or_fewer_need_no_focus_line(string doing) =>
        Assert.Null(Given.Diagnose(Sdm, Emerging, "monthly_visitors=2400 leads=8", doing).Focus);

    // Item 8: titles in prose, no sentence said twice, no "fix adoption" beside a healthy adoption stage.
    [Theory]
    [InlineData(Sdm, Emerging, "monthly_visitors=2400 leads=8")]
    [InlineData(Sdm, Established, "monthly_visitors=9000 inbound_conversations=40 leads=300 activation_pct=50 nps=-20")]
    [InlineData(EndUser, Established, "monthly_visitors=9000 inbound_conversations=40 leads=300 activation_pct=50 nps=-20")]
    [InlineData(EndUser, New, "")]
    [InlineData(Sdm, New, "monthly_visitors=20")]
    public void Prose_names_activities_by_title_and_never_repeats_a_sentence(Audience audience, MarketAwareness awareness, string metrics)
    {
        var diagnosis = Given.Diagnose(audience, awareness, metrics, Everything);

        var prose = string.Join(
            "\n",
            new[] { diagnosis.Bottleneck.Reason, diagnosis.Recommendation.Why, diagnosis.Recommendation.Target, diagnosis.Focus ?? string.Empty }
                .Concat(diagnosis.StopDoing.Select(s => s.Why).Distinct())
                .Concat(diagnosis.Missing.Select(m => m.Assumption).Distinct())
                .Concat(diagnosis.Warnings.Select(w => w.Text)));
        Assert.All(Given.Playbook.Activities.Where(a => a.Id.Contains('-', StringComparison.Ordinal)), a => Assert.DoesNotContain(a.Id, prose, StringComparison.Ordinal));
        var sentences = Sentences().Split(prose).Select(s => s.Trim()).Where(s => s.Length > 25).ToList();
        Assert.Empty(sentences.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        if (diagnosis.Stages.Single(s => s.Stage == StageId.Adoption).Status == StageStatus.Healthy)
        {
            Assert.DoesNotContain("fix adoption", prose, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void End_users_are_asked_about_sign_ups_and_people_who_contact_them_never_leads_or_demo_requests()
    {
        var questions = Enum.GetValues<StageId>().SelectMany(s => Given.Playbook.DecidingMetrics(EndUser, s)).Select(m => (m.QuestionFor(EndUser), m.LabelFor(EndUser))).ToList();

        Assert.All(questions, q => Assert.DoesNotMatch("(?i)\\blead|demo", q.Item1 + " " + q.Item2));
        Assert.Contains(questions, q => q.Item1.Contains("sign up", StringComparison.Ordinal));
        Assert.Equal("New leads per month", Given.Playbook.Metric("leads").LabelFor(Sdm));
    }

    private static bool GateFree(Diagnosis diagnosis, string activityId) =>
        Given.Playbook.Gates.Where(g => g.AppliesTo(diagnosis.Input.Audience, activityId)).All(g => g.BlockWhen is { } when
            && diagnosis.Input.Metrics.TryGetValue(when.MetricId, out var value) && !when.IsMetBy(value));

    private static bool Better(MetricDefinition metric, decimal a, decimal b) =>
        metric.Direction == MetricDirection.HigherIsBetter ? a > b : a < b;

    [GeneratedRegex(@"(?<=[.?!:])\s+|\n")]
    private static partial Regex Sentences();
}
