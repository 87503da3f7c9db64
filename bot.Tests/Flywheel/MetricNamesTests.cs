using System.Text.Json.Nodes;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Tests.Flywheel;

public sealed class MetricNamesTests
{
    [Theory]
    [InlineData("visitors", "monthly_visitors")]
    [InlineData("Website-Visitors", "monthly_visitors")]
    [InlineData("visitor_to_lead", "visitor_to_lead_pct")]
    [InlineData("trial conversion", "trial_to_paid_pct")]
    [InlineData("churn", "monthly_churn_pct")]
    [InlineData("activation", "activation_pct")]
    [InlineData("Net Promoter Score", "nps")]
    [InlineData("lead_response_hours", "lead_response_hours")]
    [InlineData("New leads per month", "leads")]
    public void A_name_means_the_metric_whose_alias_id_or_label_it_is(string name, string expected)
    {
        Assert.True(Given.Playbook.MetricNames.TryFind(name, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("budget")]
    [InlineData("visitors2")]
    public void Other_words_mean_no_metric(string name) => Assert.False(Given.Playbook.MetricNames.TryFind(name, out _));

    [Theory]
    [InlineData("monthly churn 3%", "monthly_churn_pct", 13)]
    [InlineData("churn rate is 3", "monthly_churn_pct", 10)]
    [InlineData("visitor-to-lead 2%", "visitor_to_lead_pct", 15)]
    [InlineData("nps12", "nps", 3)]
    public void The_longest_alias_that_starts_a_sentence_as_whole_words_wins(string text, string expected, int length)
    {
        Assert.True(Given.Playbook.MetricNames.TryMatchStart(text, out var id, out var matched));
        Assert.Equal((expected, length), (id, matched));
    }

    [Fact]
    public void A_word_that_only_begins_like_an_alias_is_no_match() =>
        Assert.False(Given.Playbook.MetricNames.TryMatchStart("churned users 4", out _, out _));

    [Fact]
    public void Every_metric_of_the_shipped_playbook_has_words_people_type() =>
        Assert.All(Given.Playbook.Metrics, m => Assert.NotEmpty(m.Aliases));

    [Fact]
    public void A_custom_playbook_brings_its_own_words_and_loses_the_shipped_ones()
    {
        var json = Given.ShippedJson();
        var visitors = json["metrics"]!.AsArray().Single(m => (string?)m!["id"] == "monthly_visitors")!;
        visitors["aliases"] = new JsonArray("footfall", "walk-ins");

        var playbook = PlaybookLoader.Parse(json.ToJsonString(), "custom.json");

        Assert.True(playbook.MetricNames.TryFind("walk ins", out var id));
        Assert.Equal("monthly_visitors", id);
        Assert.False(playbook.MetricNames.TryFind("traffic", out _));
    }
}
