using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Campaigns;
using FlywheelBot.Flywheel.Goals;

namespace FlywheelBot.Tests.Flywheel.Campaigns;

/// <summary>A campaign's program flywheel: one activity per stage, tailored to its goal, spokes for senior decision-makers.</summary>
public sealed class CampaignPlannerTests
{
    private static readonly FlywheelGoal Leads = new("leads", 50, new DateOnly(2027, 3, 31));

    [Theory]
    [InlineData(Audience.Sdm, MarketAwareness.New)]
    [InlineData(Audience.Sdm, MarketAwareness.Established)]
    [InlineData(Audience.EndUser, MarketAwareness.Emerging)]
    public void A_plan_has_one_suitable_activity_per_stage_in_flywheel_order(Audience audience, MarketAwareness awareness)
    {
        var plan = CampaignPlanner.Plan(Given.Playbook, "Spring", Leads, DiagnosisInput.Create(audience, awareness));

        Assert.Equal(Enum.GetValues<StageId>(), plan.Stages.Select(s => s.Stage));
        Assert.All(plan.Stages, s =>
        {
            var activity = Given.Playbook.Activity(s.ActivityId);
            Assert.Equal(s.Stage, activity.Stage);
            Assert.True(activity.Suits(audience));
            Assert.Equal(activity.MetricId, s.MetricId);
        });
        Assert.Equal("Spring", plan.Name);
    }

    [Fact]
    public void At_the_goal_s_stage_the_activity_works_on_the_goal_metric()
    {
        var plan = CampaignPlanner.Plan(Given.Playbook, null, Leads, DiagnosisInput.Create(Audience.Sdm, MarketAwareness.Emerging));

        var conversion = plan.Stages.Single(s => s.Stage == StageId.Conversion);
        Assert.Equal("leads", conversion.MetricId);
        Assert.Contains("It moves the goal directly", conversion.Why, StringComparison.Ordinal);
        Assert.Equal("New leads per month: 50 by 31 Mar 2027", plan.Name);
    }

    [Fact]
    public void A_senior_decision_maker_plan_integrates_several_spokes_and_an_end_user_plan_has_none()
    {
        var sdm = CampaignPlanner.Plan(Given.Playbook, null, Leads, DiagnosisInput.Create(Audience.Sdm, MarketAwareness.Emerging));
        var endUser = CampaignPlanner.Plan(Given.Playbook, null, Leads, DiagnosisInput.Create(Audience.EndUser, MarketAwareness.Emerging));

        Assert.All(sdm.Stages, s => Assert.NotNull(s.Spoke));
        Assert.True(sdm.Stages.Select(s => s.Spoke).Distinct().Count() >= 3);
        Assert.All(endUser.Stages, s => Assert.Null(s.Spoke));
    }

    [Fact]
    public void A_new_market_plan_starts_with_the_awareness_work_the_articles_name()
    {
        var plan = CampaignPlanner.Plan(Given.Playbook, null, Leads, DiagnosisInput.Create(Audience.Sdm, MarketAwareness.New));

        Assert.Contains(plan.Stages[0].ActivityId, new[] { "pr", "analyst-relations", "thought-leadership", "linkedin-ads" });
    }

    [Fact]
    public void Gated_activities_stay_out_of_the_plan_when_the_team_s_numbers_block_them()
    {
        var situation = Given.Input(Audience.Sdm, MarketAwareness.Established, "leads=5 lead_to_customer_pct=5");

        var plan = CampaignPlanner.Plan(Given.Playbook, null, new FlywheelGoal("lead_to_customer_pct", 20, new DateOnly(2027, 3, 31)), situation);

        Assert.DoesNotContain(plan.Stages, s => s.ActivityId == "lead-qualification");
    }
}
