using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Goals;

namespace FlywheelBot.Tests.Flywheel.Goals;

/// <summary>One measurable goal: valid goals, progress toward them, and how the next activity moves them.</summary>
public sealed class GoalTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void A_goal_for_a_known_metric_with_a_future_date_is_valid() =>
        Assert.Null(GoalRules.Problem(Given.Playbook, "leads", 50, new DateOnly(2027, 3, 31), Today));

    [Fact]
    public void Today_is_still_a_valid_date() => Assert.Null(GoalRules.Problem(Given.Playbook, "leads", 50, Today, Today));

    [Theory]
    [InlineData("lead", 50, "2027-03-31", "unknown metric 'lead' (allowed: monthly_visitors,")]
    [InlineData("leads", 50, "2026-12-01", "the date 1 Dec 2026 is in the past (today is 2 Dec 2026)")]
    [InlineData("activation_pct", 120, "2027-03-31", "a target for activation_pct cannot be above 100, got 120")]
    [InlineData("leads", -5, "2027-03-31", "a target for leads cannot be below 0, got -5")]
    public void A_goal_that_cannot_be_set_says_why_in_one_line(string metric, int target, string by, string expected)
    {
        var problem = GoalRules.Problem(Given.Playbook, metric, target, DateOnly.Parse(by, System.Globalization.CultureInfo.InvariantCulture), Today);

        Assert.NotNull(problem);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void Progress_counts_from_the_baseline_toward_the_target()
    {
        var goal = new FlywheelGoal("leads", 50, new DateOnly(2027, 3, 31), Baseline: 10);

        var progress = GoalProgress.Of(Given.Playbook, goal, 30, Today);

        Assert.Equal(0.5, progress.Fraction);
        Assert.False(progress.Reached);
        Assert.Equal(119, progress.DaysLeft);
        Assert.Equal("Goal: New leads per month: 50 by 31 Mar 2027 (now 30, 20 to go; 119 days left).", progress.Text);
    }

    [Fact]
    public void A_lower_is_better_goal_is_reached_at_or_below_the_target()
    {
        var goal = new FlywheelGoal("monthly_churn_pct", 2, new DateOnly(2027, 3, 31), Baseline: 6);

        Assert.Equal(0.25, GoalProgress.Of(Given.Playbook, goal, 5, Today).Fraction);
        Assert.True(GoalProgress.Of(Given.Playbook, goal, 1.5m, Today).Reached);
        Assert.False(GoalProgress.Of(Given.Playbook, goal, 2.5m, Today).Reached);
    }

    [Fact]
    public void Without_a_value_the_progress_says_so_and_a_passed_date_is_named()
    {
        var goal = new FlywheelGoal("leads", 50, new DateOnly(2026, 11, 30));

        Assert.Contains("no value reported; the date passed 2 days ago", GoalProgress.Of(Given.Playbook, goal, null, Today).Text, StringComparison.Ordinal);
        Assert.Null(GoalProgress.Of(Given.Playbook, goal, null, Today).Fraction);
    }

    [Theory]
    [InlineData("leads", "pr", "It moves the goal from upstream: awareness comes before conversion")]
    [InlineData("share_of_voice_pct", "pr", "It moves the goal directly")]
    [InlineData("monthly_visitors", "pr", "It works on awareness, the stage the goal measures")]
    [InlineData("monthly_visitors", "customer-references", "The goal sits at awareness, before advocacy in the wheel")]
    public void The_link_says_how_the_activity_moves_the_goal(string goalMetric, string activity, string expected)
    {
        var playbook = Given.Playbook;
        var chosen = playbook.Activity(activity);

        var text = GoalLink.Explain(playbook, new FlywheelGoal(goalMetric, 10, Today), chosen, SpokeLink.For(playbook, chosen, Audience.Sdm));

        Assert.StartsWith(expected, text, StringComparison.Ordinal);
        Assert.Contains(" it also feeds ", text, StringComparison.Ordinal);
    }
}
