using FlywheelBot.Flywheel;

namespace FlywheelBot.Tests.Flywheel;

/// <summary>The playbook shipped with the bot: complete, consistent and using FLYWHEEL.md's ids.</summary>
public sealed class ShippedPlaybookTests
{
    public static TheoryData<string> RequiredActivities => new()
    {
        "pr", "analyst-relations", "thought-leadership", "linkedin-ads", "community-outreach", "seo", "ppc",
        "lead-qualification", "product-usability", "customer-references", "referral-program",
    };

    public static TheoryData<string> CoreMetrics => new()
    {
        "monthly_visitors", "inbound_conversations", "leads", "visitor_to_lead_pct", "lead_to_customer_pct",
        "activation_pct", "monthly_churn_pct", "nps", "referrals", "share_of_voice_pct",
    };

    [Fact]
    public void The_default_is_embedded_in_the_assembly_so_the_working_directory_does_not_matter()
    {
        Assert.Contains("FlywheelBot.Flywheel.playbook.json", typeof(Playbook).Assembly.GetManifestResourceNames());
        Assert.Equal(PlaybookLoader.DefaultSource, PlaybookLoader.LoadDefault().Source);
    }

    [Fact]
    public void The_file_copied_next_to_the_binary_matches_the_embedded_default()
    {
        var copied = PlaybookLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Flywheel", "playbook.json"));

        Assert.Equal(Given.Playbook.Activities.Select(a => a.Id), copied.Activities.Select(a => a.Id));
    }

    [Fact]
    public void Stages_are_the_five_in_flywheel_order()
    {
        Assert.Equal(["awareness", "engagement", "conversion", "adoption", "advocacy"], Given.Playbook.Stages.Select(s => FlywheelIds.Of(s.Id)));
    }

    [Theory]
    [MemberData(nameof(RequiredActivities))]
    public void Every_activity_flywheel_md_requires_exists(string id) => Assert.True(Given.Playbook.TryGetActivity(id, out _));

    [Theory]
    [MemberData(nameof(CoreMetrics))]
    public void Every_core_metric_exists_with_a_label_and_an_interview_question(string id)
    {
        var metric = Given.Playbook.Metric(id);

        Assert.False(string.IsNullOrWhiteSpace(metric.Label));
        Assert.EndsWith("?", metric.Question, StringComparison.Ordinal);
    }

    [Fact]
    public void It_has_more_activities_than_the_required_ones() => Assert.True(Given.Playbook.Activities.Length >= 20);

    [Theory]
    [InlineData(Audience.Sdm)]
    [InlineData(Audience.EndUser)]
    public void Every_stage_has_deciding_metrics_and_ranked_activities_for_each_audience(Audience audience)
    {
        foreach (var stage in Enum.GetValues<StageId>())
        {
            Assert.NotEmpty(Given.Playbook.DecidingMetrics(audience, stage));
            var top = Given.Playbook.TopActivities(audience, stage);
            Assert.NotEmpty(top);
            Assert.All(top, a => Assert.True(a.Suits(audience) && a.Stage == stage, a.Id));
        }
    }

    [Theory]
    [InlineData(Audience.Sdm, "monthly_visitors,share_of_voice_pct,inbound_conversations,leads,visitor_to_lead_pct,lead_to_customer_pct,activation_pct,monthly_churn_pct,nps,referrals")]
    [InlineData(Audience.EndUser, "monthly_visitors,inbound_conversations,leads,visitor_to_lead_pct,lead_to_customer_pct,activation_pct,monthly_churn_pct,nps,referrals")]
    public void The_interview_asks_the_deciding_metrics_in_flywheel_order(Audience audience, string expected)
    {
        var metrics = Given.Playbook.InterviewMetrics(audience);

        Assert.Equal(expected.Split(','), metrics.Select(m => m.Id));
        Assert.Equal(metrics.Select(m => m.Stage).Order(), metrics.Select(m => m.Stage));
    }

    [Fact]
    public void Every_threshold_cites_a_source_or_says_it_is_the_projects_judgement()
    {
        string[] cited = ["swordandthescript.com", "marketingarchitects.com", "theb2bhouse.com", "mailchimp.com", "b2blead.io", "mv3marketing.com", "shno.co", "leadsource.co", "retentionlens.com", "notes.alexkehayias.com", "churnward.com"];
        foreach (var (metric, lines) in Given.Playbook.Metrics.SelectMany(m => m.Thresholds.Select(t => (m, t.Value))))
        {
            Assert.True(
                cited.Any(c => lines.Source.Contains(c, StringComparison.Ordinal)) || lines.Source.Contains("project judgement", StringComparison.OrdinalIgnoreCase),
                $"{metric.Id}: {lines.Source}");
        }
    }

    [Fact]
    public void Benchmarks_from_flywheel_md_are_used_where_they_exist()
    {
        Assert.Equal(31, Given.Playbook.Metric("nps").ThresholdFor(Audience.Sdm)!.Healthy);
        Assert.Equal(36, Given.Playbook.Metric("activation_pct").ThresholdFor(Audience.EndUser)!.Healthy);
        Assert.Equal(1, Given.Playbook.Metric("visitor_to_lead_pct").ThresholdFor(Audience.Sdm)!.Weak);
        Assert.Equal(10, Given.Playbook.Metric("mql_to_sql_pct").ThresholdFor(Audience.Sdm)!.Weak);
        Assert.Equal(MetricDirection.LowerIsBetter, Given.Playbook.Metric("monthly_churn_pct").Direction);
        Assert.Equal(2, Given.Playbook.Metric("monthly_churn_pct").ThresholdFor(Audience.Sdm)!.Healthy);
    }

    [Fact]
    public void Metric_bounds_follow_the_unit()
    {
        var nps = Given.Playbook.Metric("nps");
        var visitors = Given.Playbook.Metric("monthly_visitors");
        var churn = Given.Playbook.Metric("monthly_churn_pct");

        Assert.Equal((-100m, 100m), (nps.Min, nps.Max));
        Assert.Equal((0m, (decimal?)null), (visitors.Min, visitors.Max));
        Assert.Equal((0m, 100m), (churn.Min, churn.Max));
        Assert.Equal(MetricUnit.PerMonth, visitors.Unit);
        Assert.Equal(MetricUnit.Score, nps.Unit);
    }

    [Fact]
    public void Gates_from_flywheel_md_are_data()
    {
        var ids = Given.Playbook.Gates.Select(g => g.Id).Concat(Given.Playbook.Routes.Select(r => r.Id));

        Assert.Equal(["lead-volume-before-qualification", "no-advocacy-push-while-nps-negative", "end-users-do-not-read-analyst-reports", "end-user-product-gate"], ids);
        Assert.Equal("product-usability", Assert.Single(Given.Playbook.Routes).ActivityId);
    }

    [Fact]
    public void Lookups_by_unknown_id_fail_clearly()
    {
        Assert.Contains("no metric 'visits'", Assert.Throws<KeyNotFoundException>(() => Given.Playbook.Metric("visits")).Message, StringComparison.Ordinal);
        Assert.Contains("no activity 'tv-ads'", Assert.Throws<KeyNotFoundException>(() => Given.Playbook.Activity("tv-ads")).Message, StringComparison.Ordinal);
    }
}
