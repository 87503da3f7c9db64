using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Advisor;

/// <summary>
/// Issue 15's three personas, as whole conversations typed the way people talk: facts in any order, several in one
/// message, from the very first message. Each pins how many answers it takes to reach the advice (at most six) and
/// the advice it gets. The counts are reported in the README ("How many answers").
/// </summary>
public sealed class PersonaConversationTests
{
    /// <summary>A B2B team selling to CIOs, somewhat known, leads trickle in, building lead scoring.</summary>
    [Fact]
    public void A_b2b_team_gets_conversion_advice_in_four_answers()
    {
        var chat = new ScriptedChat();

        var answers = Converse(
            chat,
            "We sell to CIOs, people know us a bit, about 2,400 visitors a month and 8 leads",
            "no idea",
            "6",
            "lead scoring and a referral programme");

        Assert.Equal(4, answers);
        var advice = chat.Last<RecommendationView>();
        Assert.Equal("Conversion", advice.StageName);
        Assert.Equal("landing-page-optimisation", chat.LastResult.Completed!.Recommendation.ActivityId);
        Assert.Contains(advice.StopDoing, s => s.Title.Contains("Qualify leads", StringComparison.Ordinal));
        Assert.Contains("from 0.33 % to 3 %", advice.Target, StringComparison.Ordinal);
        Assert.DoesNotContain(Asked(chat), id => id == "visitor_to_lead_pct");
    }

    /// <summary>A consumer app for students with a subreddit; people sign up but do not get going.</summary>
    [Fact]
    public void A_consumer_app_gets_the_product_fix_in_six_answers()
    {
        var chat = new ScriptedChat();

        var answers = Converse(
            chat,
            "It's an app for students, people know us a bit, and there's a big subreddit",
            "about 20k visitors and 900 signups a month",
            "60",
            "6%",
            "22%",
            "ppc and seo");

        Assert.Equal(6, answers);
        var diagnosis = chat.LastResult.Completed!;
        Assert.Equal(Audience.EndUser, diagnosis.Input.Audience);
        Assert.Equal(Community.Yes, diagnosis.Input.Community);
        Assert.Equal("product-usability", diagnosis.Recommendation.ActivityId);
        Assert.Contains(diagnosis.StopDoing, s => s.ActivityId == "ppc");
        Assert.DoesNotContain(Asked(chat), id => id is "visitor_to_lead_pct" or "audience" or "awareness" or "community");
        Assert.All(chat.Results.SelectMany(r => r.Output.Replies).OfType<QuestionView>(), q => Assert.DoesNotMatch("(?i)\\blead|demo request", q.Prompt));
    }

    /// <summary>The first message: CIOs, a brand-new name, a few visitors and leads: awareness, at once.</summary>
    [Fact]
    public void A_team_new_to_its_market_gets_awareness_advice_in_two_answers()
    {
        var chat = new ScriptedChat();

        var answers = Converse(
            chat,
            "we sell to CIOs, nobody knows us yet, 300 visitors a month and 2 leads",
            "thought leadership and lead scoring");

        Assert.Equal(2, answers);
        var understood = chat.Results[0].Output.Replies.OfType<NoticeView>().First().Text;
        Assert.StartsWith("Got it: senior decision-makers; market awareness new;", understood, StringComparison.Ordinal);
        Assert.Contains("website visitors per month: 300", understood, StringComparison.Ordinal);
        Assert.Contains("new leads per month: 2", understood, StringComparison.Ordinal);
        var diagnosis = chat.LastResult.Completed!;
        Assert.Equal(StageId.Awareness, diagnosis.Bottleneck.Stage);
        Assert.Equal(MarketAwareness.New, diagnosis.Input.Awareness);
        Assert.Contains(diagnosis.StopDoing, s => s.ActivityId == "lead-qualification");
        Assert.Equal(["doing"], Asked(chat));
    }

    /// <summary>Sends each answer in turn; returns how many it took to reach the advice (fails if it never came).</summary>
    private static int Converse(ScriptedChat chat, params string[] answers)
    {
        var count = 0;
        foreach (var answer in answers)
        {
            Assert.IsNotType<RecommendationView>(chat.Results.Count == 0 ? null : chat.Replies[^1]);
            chat.Say(answer);
            count++;
        }

        chat.Last<RecommendationView>();
        return count;
    }

    private static List<string> Asked(ScriptedChat chat) =>
        [.. chat.Results.SelectMany(r => r.Output.Replies).OfType<QuestionView>().Select(q => q.QuestionId).Distinct()];
}
