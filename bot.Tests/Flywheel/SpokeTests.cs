using FlywheelBot.Flywheel;

namespace FlywheelBot.Tests.Flywheel;

/// <summary>The B2B spokes (FLYWHEEL.md rule 8): four spokes that feed each other, activities in each, the recommendation naming its spoke.</summary>
public sealed class SpokeTests
{
    public static TheoryData<string> SpokeIds => new() { "thought-leadership", "product-marketing", "demand-generation", "partner-programs" };

    [Fact]
    public void The_shipped_playbook_has_the_four_spokes_feeding_each_other_as_the_article_says()
    {
        var feeds = Given.Playbook.Spokes.ToDictionary(s => s.Id, s => s.Feeds);

        Assert.Equal(4, feeds.Count);
        Assert.Equal("thought-leadership", feeds["product-marketing"]);
        Assert.Equal("partner-programs", feeds["thought-leadership"]);
        Assert.Equal("demand-generation", feeds["partner-programs"]);
        Assert.Equal("product-marketing", feeds["demand-generation"]);
    }

    [Theory]
    [MemberData(nameof(SpokeIds))]
    public void Every_spoke_has_activities_for_senior_decision_makers(string spoke) =>
        Assert.Contains(Given.Playbook.Activities, a => a.Spoke == spoke && a.Suits(Audience.Sdm));

    [Fact]
    public void Every_senior_decision_maker_activity_belongs_to_a_spoke() =>
        Assert.All(Given.Playbook.Activities.Where(a => a.Suits(Audience.Sdm)), a => Assert.NotNull(Given.Playbook.FindSpoke(a.Spoke)));

    [Theory]
    [InlineData("positioning-messaging", "product-marketing")]
    [InlineData("sales-enablement", "product-marketing")]
    [InlineData("product-launch", "product-marketing")]
    [InlineData("partner-recruitment", "partner-programs")]
    [InlineData("partner-marketplace", "partner-programs")]
    [InlineData("partner-co-selling", "partner-programs")]
    public void The_new_product_marketing_and_partner_activities_exist_with_a_source(string id, string spoke)
    {
        var activity = Given.Playbook.Activity(id);

        Assert.Equal(spoke, activity.Spoke);
        Assert.False(string.IsNullOrWhiteSpace(activity.Source));
        Assert.Contains(Given.Playbook.Plays, p => p.Ranked.Contains(id));
    }

    [Fact]
    public void The_senior_decision_maker_recommendation_names_its_spoke_and_what_it_feeds_next()
    {
        var diagnosis = Given.Diagnose(Audience.Sdm, MarketAwareness.New);

        Assert.Equal("pr", diagnosis.Recommendation.ActivityId);
        var spoke = Assert.IsType<SpokeLink>(diagnosis.Recommendation.Spoke);
        Assert.Equal("thought-leadership", spoke.Id);
        Assert.Equal("partner-programs", spoke.FeedsId);
        Assert.Contains("feeds partner programmes next", spoke.Sentence, StringComparison.Ordinal);
        var document = DiagnosisDocument.From(diagnosis);
        Assert.Equal("thought-leadership", document.Recommendation.Spoke!.Id);
        Assert.Equal("partner-programs", document.Recommendation.Spoke.Feeds);
    }

    [Fact]
    public void End_user_recommendations_carry_no_spoke()
    {
        var diagnosis = Given.Diagnose(Audience.EndUser, MarketAwareness.New, community: Community.No);

        Assert.Null(diagnosis.Recommendation.Spoke);
        Assert.Null(DiagnosisDocument.From(diagnosis).Recommendation.Spoke);
    }

    [Fact]
    public void An_activity_naming_an_unknown_spoke_is_a_playbook_problem()
    {
        var json = Given.ShippedJson();
        json["activities"]![0]!["spoke"] = "brand";

        var problem = Assert.Throws<PlaybookException>(() => PlaybookLoader.Parse(json.ToJsonString(), "team.json"));

        Assert.Contains("$.activities[0].spoke: spoke 'brand' is referenced but not defined", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_spokes_defined_an_sdm_activity_without_one_is_a_playbook_problem_and_so_is_an_empty_spoke()
    {
        var json = Given.ShippedJson();
        var activities = json["activities"]!.AsArray();
        var index = activities.Select((a, i) => (a, i)).First(x => (string?)x.a!["spoke"] == "partner-programs").i;
        foreach (var activity in activities.Where(a => (string?)a!["spoke"] == "partner-programs"))
        {
            activity!.AsObject().Remove("spoke");
        }

        var problem = Assert.Throws<PlaybookException>(() => PlaybookLoader.Parse(json.ToJsonString(), "team.json"));

        Assert.Contains($"$.activities[{index}].spoke: an activity for senior decision-makers must belong to a spoke", problem.Message, StringComparison.Ordinal);
        Assert.Contains("spoke 'partner-programs' has no activities", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_playbook_without_spokes_still_loads_and_recommends_without_a_spoke()
    {
        var json = Given.ShippedJson();
        json.Remove("spokes");
        foreach (var activity in json["activities"]!.AsArray())
        {
            activity!.AsObject().Remove("spoke");
        }

        var playbook = PlaybookLoader.Parse(json.ToJsonString(), "old.json");
        var diagnosis = new DiagnosisEngine(playbook).Diagnose(Given.Input(Audience.Sdm, MarketAwareness.New));

        Assert.Empty(playbook.Spokes);
        Assert.Null(diagnosis.Recommendation.Spoke);
    }

    [Fact]
    public void A_spoke_feeding_an_undefined_spoke_is_a_playbook_problem()
    {
        var json = Given.ShippedJson();
        json["spokes"]![1]!["feeds"] = "events";

        var problem = Assert.Throws<PlaybookException>(() => PlaybookLoader.Parse(json.ToJsonString(), "team.json"));

        Assert.Contains("$.spokes[1].feeds: spoke 'events' is referenced but not defined", problem.Message, StringComparison.Ordinal);
    }

}
