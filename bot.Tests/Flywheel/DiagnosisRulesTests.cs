using FlywheelBot.Flywheel;
using static FlywheelBot.Flywheel.Audience;
using static FlywheelBot.Flywheel.MarketAwareness;

namespace FlywheelBot.Tests.Flywheel;

/// <summary>The rules of FLYWHEEL.md, "What the articles say" and "The model", for both audiences.</summary>
public sealed class DiagnosisRulesTests
{
    private const string AllWeakSdm = "monthly_visitors=10 inbound_conversations=0 leads=1 activation_pct=5 monthly_churn_pct=20 nps=-40 referrals=0";
    private const string AllWeakEndUser = "monthly_visitors=10 inbound_conversations=0 leads=1 activation_pct=5 monthly_churn_pct=20 nps=-40 referrals=0";
    private const string AllHealthy = "monthly_visitors=90000 inbound_conversations=500 leads=5000 visitor_to_lead_pct=9 lead_to_customer_pct=20 activation_pct=80 monthly_churn_pct=0.5 nps=70 referrals=100";

    // Rule 2: order matters; a brand-new market must create awareness first, whatever else is reported.
    [Theory]
    [InlineData(Sdm, "")]
    [InlineData(Sdm, AllWeakSdm)]
    [InlineData(Sdm, AllHealthy)]
    [InlineData(EndUser, "")]
    [InlineData(EndUser, AllWeakEndUser)]
    [InlineData(EndUser, AllHealthy)]
    public void New_awareness_makes_awareness_the_weak_bottleneck_whatever_else_is_reported(Audience audience, string metrics)
    {
        var diagnosis = Given.Diagnose(audience, New, metrics);

        Assert.Equal(StageId.Awareness, diagnosis.Bottleneck.Stage);
        Assert.False(diagnosis.Bottleneck.IsOptimisation);
        Assert.Equal(StageStatus.Weak, diagnosis.Stages[0].Status);
        Assert.Contains(diagnosis.Stages[0].Evidence, e => e.Verdict == StageStatus.Weak && e.Text.Contains("new", StringComparison.Ordinal));
        Assert.Equal(StageId.Awareness, Given.Playbook.Activity(diagnosis.Recommendation.ActivityId).Stage);
    }

    // Model: the bottleneck is the earliest weak stage.
    [Theory]
    [InlineData(Sdm, "monthly_visitors=100 leads=2 nps=-5", StageId.Awareness)]
    [InlineData(Sdm, "monthly_visitors=5000 inbound_conversations=1 leads=2", StageId.Engagement)]
    [InlineData(Sdm, "monthly_visitors=5000 inbound_conversations=20 leads=2 activation_pct=5", StageId.Conversion)]
    [InlineData(Sdm, "monthly_visitors=5000 inbound_conversations=20 leads=80 monthly_churn_pct=7 nps=-20", StageId.Adoption)]
    [InlineData(Sdm, "monthly_visitors=5000 inbound_conversations=20 leads=80 activation_pct=50 referrals=0", StageId.Advocacy)]
    [InlineData(EndUser, "monthly_visitors=200 activation_pct=5", StageId.Awareness)]
    [InlineData(EndUser, "monthly_visitors=9000 inbound_conversations=2 activation_pct=5", StageId.Engagement)]
    [InlineData(EndUser, "monthly_visitors=9000 inbound_conversations=30 visitor_to_lead_pct=0.4", StageId.Conversion)]
    [InlineData(EndUser, "monthly_visitors=9000 inbound_conversations=30 leads=400 monthly_churn_pct=9", StageId.Adoption)]
    [InlineData(EndUser, "monthly_visitors=9000 inbound_conversations=30 leads=400 activation_pct=50 nps=3", StageId.Advocacy)]
    public void The_bottleneck_is_the_earliest_weak_stage(Audience audience, string metrics, StageId expected)
    {
        var diagnosis = Given.Diagnose(audience, Established, metrics);

        Assert.Equal(expected, diagnosis.Bottleneck.Stage);
        Assert.False(diagnosis.Bottleneck.IsOptimisation);
        Assert.All(diagnosis.Stages.Where(s => s.Stage < expected), s => Assert.NotEqual(StageStatus.Weak, s.Status));
        Assert.Contains("earliest weak stage", diagnosis.Bottleneck.Reason, StringComparison.Ordinal);
        Assert.Equal(expected, Given.Playbook.Activity(diagnosis.Recommendation.ActivityId).Stage);
    }

    [Theory]
    [InlineData(Sdm)]
    [InlineData(EndUser)]
    public void Later_weak_stages_are_named_but_the_earliest_one_is_fixed_first(Audience audience)
    {
        var diagnosis = Given.Diagnose(audience, Established, "monthly_visitors=20 activation_pct=3", community: Community.No);

        Assert.Equal(StageId.Awareness, diagnosis.Bottleneck.Stage);
        Assert.Contains("adoption also looks weak", diagnosis.Bottleneck.Reason, StringComparison.Ordinal);
    }

    // Rule 7: "nobody is coming to the website to talk" depends on which stage is broken, and the answer differs.
    [Theory]
    [InlineData(Sdm)]
    [InlineData(EndUser)]
    public void Nobody_talking_is_awareness_when_nobody_visits_and_engagement_when_visitors_stay_silent(Audience audience)
    {
        var nobodyVisits = Given.Diagnose(audience, Emerging, "monthly_visitors=50 inbound_conversations=0");
        var visitorsStaySilent = Given.Diagnose(audience, Emerging, "monthly_visitors=20000 inbound_conversations=0");

        Assert.Equal(StageId.Awareness, nobodyVisits.Bottleneck.Stage);
        Assert.Equal(StageId.Engagement, visitorsStaySilent.Bottleneck.Stage);
        Assert.NotEqual(nobodyVisits.Recommendation.ActivityId, visitorsStaySilent.Recommendation.ActivityId);
    }

    // Rule 3: SDMs in a new market: PR, analyst relations, thought leadership and some LinkedIn budget.
    [Theory]
    [InlineData("")]
    [InlineData("monthly_visitors=20")]
    [InlineData("share_of_voice_pct=1 leads=0")]
    public void Sdm_in_a_new_market_gets_pr_and_the_reasons_name_the_other_awareness_levers(string metrics)
    {
        var diagnosis = Given.Diagnose(Sdm, New, metrics);

        Assert.Equal("pr", diagnosis.Recommendation.ActivityId);
        foreach (var alternative in new[] { "analyst-relations", "thought-leadership", "linkedin-ads" })
        {
            Assert.Contains(Given.Playbook.Activity(alternative).Title, diagnosis.Recommendation.Why, StringComparison.Ordinal);
            Assert.DoesNotContain(alternative, diagnosis.Recommendation.Why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sdm_new_market_ranking_is_pr_analysts_thought_leadership_linkedin()
    {
        var ranked = Given.Playbook.TopActivities(Sdm, StageId.Awareness, New).Select(a => a.Id);

        Assert.Equal(["pr", "analyst-relations", "thought-leadership", "linkedin-ads"], ranked);
    }

    // Rule 4: money spent on a later stage while an earlier one is broken is burnt (lead qualification with no leads).
    [Theory]
    [InlineData(Sdm, New, "")]
    [InlineData(Sdm, Established, "monthly_visitors=40")]
    [InlineData(Sdm, Established, "monthly_visitors=5000 inbound_conversations=0")]
    [InlineData(Sdm, Established, "monthly_visitors=5000 inbound_conversations=20 leads=3")]
    [InlineData(EndUser, New, "")]
    [InlineData(EndUser, Emerging, "monthly_visitors=100")]
    [InlineData(EndUser, Established, "monthly_visitors=9000 inbound_conversations=40 leads=10 lead_to_customer_pct=1")]
    public void Lead_qualification_without_leads_is_on_the_stop_doing_list(Audience audience, MarketAwareness awareness, string metrics)
    {
        var diagnosis = Given.Diagnose(audience, awareness, metrics, doing: "lead-qualification");

        var stop = Assert.Single(diagnosis.StopDoing);
        Assert.Equal("lead-qualification", stop.ActivityId);
        Assert.NotEqual("lead-qualification", diagnosis.Recommendation.ActivityId);
        Assert.False(string.IsNullOrWhiteSpace(stop.Why));
    }

    [Theory]
    [InlineData(Sdm, "leads=80 lead_to_customer_pct=1", "lead-qualification")]
    [InlineData(Sdm, "leads=30 lead_to_customer_pct=1", "lead-qualification")]
    [InlineData(Sdm, "leads=29 lead_to_customer_pct=1", "sales-follow-up-sla")]
    [InlineData(Sdm, "leads=12 mql_to_sql_pct=4", "sales-follow-up-sla")]
    public void Lead_qualification_is_only_advised_above_a_lead_volume_worth_qualifying(Audience audience, string metrics, string expected)
    {
        var diagnosis = Given.Diagnose(audience, Established, "monthly_visitors=9000 inbound_conversations=40 " + metrics);

        Assert.Equal(StageId.Conversion, diagnosis.Bottleneck.Stage);
        Assert.Equal(expected, diagnosis.Recommendation.ActivityId);
        if (expected != "lead-qualification")
        {
            Assert.Contains("Ruled out: \u201CQualify leads so sales works the right ones\u201D. With fewer than 30 leads", diagnosis.Recommendation.Why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_a_lead_count_lead_qualification_assumes_enough_leads_and_says_so()
    {
        var diagnosis = Given.Diagnose(Sdm, Established, "monthly_visitors=9000 inbound_conversations=40 lead_to_customer_pct=1");

        Assert.Equal("lead-qualification", diagnosis.Recommendation.ActivityId);
        var missing = Assert.Single(diagnosis.Missing, m => m.MetricId == "leads");
        Assert.Contains("30 leads", missing.Assumption, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Sdm, "thought-leadership,seo", "")]
    [InlineData(Sdm, "webinars,case-studies,referral-program", "webinars,case-studies,referral-program")]
    [InlineData(EndUser, "onboarding,product-usability,detractor-follow-up", "")]
    [InlineData(EndUser, "content-marketing,landing-page-optimisation,review-sites", "content-marketing,landing-page-optimisation,review-sites")]
    public void Only_work_downstream_of_a_weak_bottleneck_is_stopped_and_retention_work_is_kept(Audience audience, string doing, string expectedStops)
    {
        var diagnosis = Given.Diagnose(audience, Emerging, "monthly_visitors=20 nps=40", doing);

        Assert.Equal(StageId.Awareness, diagnosis.Bottleneck.Stage);
        Assert.Equal(expectedStops.Split(',', StringSplitOptions.RemoveEmptyEntries), diagnosis.StopDoing.Select(s => s.ActivityId));
        Assert.All(diagnosis.StopDoing, s => Assert.Contains("awareness, the bottleneck", s.Why, StringComparison.Ordinal));
    }

    // Rule 5: end users search for a fix; community -> reach out to it; no community -> PPC and SEO.
    [Theory]
    [InlineData(New, Community.Yes, "community-outreach")]
    [InlineData(Emerging, Community.Yes, "community-outreach")]
    [InlineData(Established, Community.Yes, "community-outreach")]
    [InlineData(New, Community.No, "ppc")]
    [InlineData(Emerging, Community.No, "seo")]
    [InlineData(Established, Community.No, "seo")]
    [InlineData(New, Community.Unknown, "ppc")]
    [InlineData(Emerging, Community.Unknown, "seo")]
    public void End_users_reach_their_community_when_there_is_one_and_search_when_there_is_not(MarketAwareness awareness, Community community, string expected)
    {
        var diagnosis = Given.Diagnose(EndUser, awareness, "monthly_visitors=100", community: community);

        Assert.Equal(StageId.Awareness, diagnosis.Bottleneck.Stage);
        Assert.Equal(expected, diagnosis.Recommendation.ActivityId);
        var communityAssumed = diagnosis.Missing.Any(m => m.MetricId == "community");
        Assert.Equal(community == Community.Unknown, communityAssumed);
        if (community != Community.Yes)
        {
            Assert.Contains(Given.Playbook.Activity(expected == "seo" ? "ppc" : "seo").Title, diagnosis.Recommendation.Why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_community_is_assumed_absent_and_the_assumption_is_stated()
    {
        var diagnosis = Given.Diagnose(EndUser, Emerging, "monthly_visitors=100");

        var missing = Assert.Single(diagnosis.Missing, m => m.MetricId == "community");
        Assert.Contains("no community", missing.Assumption, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(New, "")]
    [InlineData(Established, "monthly_visitors=100")]
    [InlineData(Established, AllHealthy)]
    public void End_users_do_not_read_analyst_reports(MarketAwareness awareness, string metrics)
    {
        var diagnosis = Given.Diagnose(EndUser, awareness, metrics, doing: "analyst-relations");

        Assert.NotEqual("analyst-relations", diagnosis.Recommendation.ActivityId);
        var stop = Assert.Single(diagnosis.StopDoing);
        Assert.Equal("analyst-relations", stop.ActivityId);
        Assert.Contains("analyst reports", stop.Why, StringComparison.Ordinal);
        Assert.DoesNotContain(Given.Playbook.Plays.Where(p => p.Audience == EndUser), p => p.Ranked.Contains("analyst-relations"));
    }

    [Fact]
    public void Sdms_in_a_new_market_keep_analyst_relations()
    {
        var diagnosis = Given.Diagnose(Sdm, New, doing: "analyst-relations");

        Assert.Empty(diagnosis.StopDoing);
    }

    // Rule 6: for end users the product has to be excellent; weak adoption routes to a product fix.
    [Theory]
    [InlineData("activation_pct=10")]
    [InlineData("monthly_churn_pct=12")]
    [InlineData("activation_pct=10 monthly_churn_pct=12 nps=-30")]
    public void Weak_end_user_adoption_routes_to_product_usability_not_more_marketing(string metrics)
    {
        var diagnosis = Given.Diagnose(EndUser, Established, "monthly_visitors=9000 inbound_conversations=40 leads=300 " + metrics, doing: "ppc,seo");

        Assert.Equal(StageId.Adoption, diagnosis.Bottleneck.Stage);
        Assert.Equal("product-usability", diagnosis.Recommendation.ActivityId);
        Assert.Contains("product", diagnosis.Recommendation.Why, StringComparison.Ordinal);
        Assert.Contains(diagnosis.StopDoing, s => s.ActivityId == "ppc");
    }

    [Theory]
    [InlineData("activation_pct=10", "onboarding")]
    [InlineData("monthly_churn_pct=12", "customer-success")]
    public void Weak_sdm_adoption_gets_adoption_work_fitted_to_the_weak_metric(string metrics, string expected)
    {
        var diagnosis = Given.Diagnose(Sdm, Established, "monthly_visitors=9000 inbound_conversations=40 leads=300 " + metrics);

        Assert.Equal(StageId.Adoption, diagnosis.Bottleneck.Stage);
        Assert.Equal(expected, diagnosis.Recommendation.ActivityId);
    }

    // Gate: no referral or advocacy push while NPS is below zero.
    [Theory]
    [InlineData(Sdm, "nps=-10")]
    [InlineData(Sdm, "nps=-1 referrals=0")]
    [InlineData(EndUser, "nps=-10")]
    [InlineData(EndUser, "nps=-100 referrals=0")]
    public void A_negative_nps_blocks_every_advocacy_push(Audience audience, string metrics)
    {
        string[] pushes = ["referral-program", "customer-references", "case-studies", "review-sites", "user-champions"];
        var diagnosis = Given.Diagnose(audience, Established, AllHealthy.Replace("nps=70 referrals=100", metrics, StringComparison.Ordinal), doing: string.Join(',', pushes));

        Assert.Equal(StageId.Advocacy, diagnosis.Bottleneck.Stage);
        Assert.Equal("detractor-follow-up", diagnosis.Recommendation.ActivityId);
        var stopped = diagnosis.StopDoing.Select(s => s.ActivityId).ToHashSet();
        Assert.All(pushes.Where(p => Given.Playbook.Activity(p).Suits(audience) || p == "referral-program"), p => Assert.Contains(p, stopped));
        Assert.All(diagnosis.StopDoing, s => Assert.Contains("NPS is below zero", s.Why, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Sdm, "customer-references")]
    [InlineData(EndUser, "review-sites")]
    public void With_nps_at_zero_or_above_weak_advocacy_gets_an_advocacy_push(Audience audience, string expected)
    {
        var diagnosis = Given.Diagnose(audience, Established, AllHealthy.Replace("nps=70 referrals=100", "nps=0 referrals=0", StringComparison.Ordinal));

        Assert.Equal(StageId.Advocacy, diagnosis.Bottleneck.Stage);
        Assert.Equal(expected, diagnosis.Recommendation.ActivityId);
    }

    // Model: when everything reported is healthy, optimise the weakest stage relative to its benchmark.
    [Theory]
    [InlineData(Sdm, "monthly_visitors=1600 inbound_conversations=50 leads=300 nps=60", StageId.Awareness)]
    [InlineData(EndUser, "monthly_visitors=9000 inbound_conversations=50 leads=600 activation_pct=40", StageId.Adoption)]
    public void When_everything_is_healthy_the_stage_closest_to_its_benchmark_is_an_optimisation_not_a_fire(Audience audience, string metrics, StageId expected)
    {
        var diagnosis = Given.Diagnose(audience, Established, metrics, doing: "referral-program,lead-qualification");

        Assert.True(diagnosis.Bottleneck.IsOptimisation);
        Assert.Equal(StageStatus.Healthy, diagnosis.Bottleneck.Status);
        Assert.Equal(expected, diagnosis.Bottleneck.Stage);
        Assert.Contains("optimisation, not a fire", diagnosis.Bottleneck.Reason, StringComparison.Ordinal);
        Assert.All(diagnosis.Stages, s => Assert.True(s.Status is StageStatus.Healthy or StageStatus.Unknown, $"{s.Stage} is {s.Status}"));
        Assert.Empty(diagnosis.StopDoing.Where(s => s.ActivityId == "referral-program"));
    }

    // Model (issue 15, item 5): between the weak line and the benchmark a stage is on watch, not healthy; with nothing
    // weak, the earliest watch stage is where the advice goes, and it is not called an optimisation.
    [Theory]
    [InlineData(Sdm, "monthly_visitors=300", StageId.Awareness)]
    [InlineData(Sdm, "monthly_visitors=9000 inbound_conversations=3 leads=300 nps=60", StageId.Engagement)]
    [InlineData(Sdm, "monthly_visitors=9000 inbound_conversations=50 leads=300 nps=12", StageId.Advocacy)]
    [InlineData(Sdm, "monthly_visitors=9000 inbound_conversations=3 leads=300 nps=12", StageId.Engagement)]
    [InlineData(EndUser, "monthly_visitors=9000 inbound_conversations=50 leads=600 activation_pct=27", StageId.Adoption)]
    [InlineData(EndUser, "monthly_visitors=5000 inbound_conversations=50 leads=100 activation_pct=60", StageId.Conversion)]
    public void A_value_between_the_lines_puts_its_stage_on_watch_and_the_earliest_watch_stage_is_the_focus(Audience audience, string metrics, StageId expected)
    {
        var diagnosis = Given.Diagnose(audience, Established, metrics);

        Assert.Equal(expected, diagnosis.Bottleneck.Stage);
        Assert.Equal(StageStatus.Watch, diagnosis.Bottleneck.Status);
        Assert.False(diagnosis.Bottleneck.IsOptimisation);
        Assert.Equal(StageStatus.Watch, diagnosis.Stages.Single(s => s.Stage == expected).Status);
        Assert.DoesNotContain("not a fire", diagnosis.Bottleneck.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnosis.Stages, s => s.Status == StageStatus.Weak);
        Assert.All(diagnosis.Stages.Where(s => s.Stage < expected), s => Assert.NotEqual(StageStatus.Watch, s.Status));
        Assert.Equal("watch", DiagnosisDocument.From(diagnosis).Stages.Single(s => s.Id == FlywheelIds.Of(expected)).Status);
    }

    [Fact]
    public void A_weak_stage_beats_an_earlier_watch_stage()
    {
        var diagnosis = Given.Diagnose(Sdm, Established, "monthly_visitors=300 inbound_conversations=20 leads=2");

        Assert.Equal(StageStatus.Watch, diagnosis.Stages[0].Status);
        Assert.Equal(StageId.Conversion, diagnosis.Bottleneck.Stage);
        Assert.Equal(StageStatus.Weak, diagnosis.Bottleneck.Status);
    }

    // Model: missing metrics that would change the answer are named with the assumption made.
    [Theory]
    [InlineData(Sdm, "leads=1", new[] { "monthly_visitors", "share_of_voice_pct", "inbound_conversations" })]
    [InlineData(EndUser, "leads=1", new[] { "monthly_visitors", "inbound_conversations" })]
    [InlineData(Sdm, "nps=-20", new[] { "monthly_visitors", "share_of_voice_pct", "inbound_conversations", "leads", "visitor_to_lead_pct", "lead_to_customer_pct", "activation_pct", "monthly_churn_pct" })]
    public void Unknown_stages_before_the_bottleneck_are_assumed_healthy_and_listed_as_missing(Audience audience, string metrics, string[] expected)
    {
        var diagnosis = Given.Diagnose(audience, Established, metrics);

        var listed = diagnosis.Missing.Select(m => m.MetricId).Where(id => id != "community").ToArray();
        Assert.Equal(expected, listed);
        Assert.All(diagnosis.Missing.Where(m => m.MetricId != "community"), m => Assert.Contains("assumed to work", m.Assumption, StringComparison.Ordinal));
        Assert.Contains("assumed to work", diagnosis.Bottleneck.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Sdm)]
    [InlineData(EndUser)]
    public void With_no_data_at_all_the_advice_starts_at_awareness_and_asks_for_every_deciding_metric(Audience audience)
    {
        var diagnosis = Given.Diagnose(audience, Established, community: Community.No);

        Assert.Equal(StageId.Awareness, diagnosis.Bottleneck.Stage);
        Assert.False(diagnosis.Bottleneck.IsOptimisation);
        Assert.All(diagnosis.Stages, s => Assert.Equal(StageStatus.Unknown, s.Status));
        var deciding = Enum.GetValues<StageId>().SelectMany(s => Given.Playbook.DecidingMetrics(audience, s)).Select(m => m.Id);
        Assert.Equal(deciding, diagnosis.Missing.Select(m => m.MetricId));
    }

    // Model: every recommendation carries the evidence, the activity, a first step, a metric with a target and a review.
    [Theory]
    [InlineData(Sdm, New, "")]
    [InlineData(Sdm, Established, "monthly_visitors=9000 inbound_conversations=0")]
    [InlineData(EndUser, Emerging, "monthly_visitors=9000 inbound_conversations=40 leads=300 activation_pct=10")]
    [InlineData(EndUser, Established, AllHealthy)]
    public void Every_recommendation_is_complete_with_one_measurable_goal(Audience audience, MarketAwareness awareness, string metrics)
    {
        var diagnosis = Given.Diagnose(audience, awareness, metrics);
        var r = diagnosis.Recommendation;
        var activity = Given.Playbook.Activity(r.ActivityId);

        Assert.Equal(activity.Title, r.Title);
        Assert.Equal(activity.FirstStep, r.FirstStep);
        Assert.Equal(activity.MetricId, r.MetricToWatch);
        Assert.True(Given.Playbook.TryGetMetric(r.MetricToWatch, out _));
        Assert.False(string.IsNullOrWhiteSpace(r.Target));
        Assert.InRange(r.ReviewInDays, 1, 365);
        Assert.StartsWith(activity.Why, r.Why, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(diagnosis.Bottleneck.Reason));
        Assert.Equal(5, diagnosis.Stages.Length);
        Assert.All(diagnosis.Stages, s => Assert.NotEmpty(s.Evidence));
    }

    [Theory]
    [InlineData("monthly_visitors=200", "200 is below the weak line of 300")]
    [InlineData("monthly_visitors=800", "800 is above the weak line of 300 but short of the healthy benchmark of 1,500")]
    [InlineData("monthly_visitors=1500", "1,500 meets the healthy benchmark of 1,500")]
    [InlineData("monthly_churn_pct=4.5", "4.5 % is above the weak line of 3 %")]
    [InlineData("monthly_churn_pct=2.5", "2.5 % is under the weak line of 3 % but not yet at the healthy benchmark of 2 %")]
    public void Evidence_sentences_state_the_value_and_the_line_it_was_judged_against(string metrics, string expected)
    {
        var diagnosis = Given.Diagnose(Sdm, Established, metrics);

        Assert.Contains(diagnosis.Stages.SelectMany(s => s.Evidence), e => e.Text.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Lower_is_better_metrics_are_weak_above_the_line()
    {
        var churn = Given.Diagnose(Sdm, Established, "monthly_churn_pct=4").Stages.Single(s => s.Stage == StageId.Adoption);
        var fine = Given.Diagnose(Sdm, Established, "monthly_churn_pct=1").Stages.Single(s => s.Stage == StageId.Adoption);

        Assert.Equal(StageStatus.Weak, churn.Status);
        Assert.Equal(StageStatus.Healthy, fine.Status);
    }

    [Theory]
    [InlineData(Sdm, "pr")]
    [InlineData(EndUser, "ppc")]
    public void Work_already_under_way_that_is_the_recommendation_is_kept_not_stopped(Audience audience, string activity)
    {
        var diagnosis = Given.Diagnose(audience, New, doing: activity, community: Community.No);

        Assert.Equal(activity, diagnosis.Recommendation.ActivityId);
        Assert.Empty(diagnosis.StopDoing);
        Assert.Contains("You already do this", diagnosis.Recommendation.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_and_activities_the_playbook_does_not_know_are_ignored()
    {
        var diagnosis = Given.Diagnose(Sdm, Established, "made_up_metric=5 monthly_visitors=20", doing: "juggling");

        Assert.Equal(StageId.Awareness, diagnosis.Bottleneck.Stage);
        Assert.Empty(diagnosis.StopDoing);
    }
}
