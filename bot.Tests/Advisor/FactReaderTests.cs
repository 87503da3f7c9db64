using System.Collections.Immutable;
using FlywheelBot.Conversations;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Flywheel;
using FlywheelBot.Tests.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Advisor;

/// <summary>Issue 15, items 1, 2 and 6: facts in any order and any number, rates worked out, what the team does now.</summary>
public sealed class FactReaderTests
{
    private static readonly MetricNames Names = TestAdvisor.Guide.MetricNames;

    [Theory]
    [InlineData("we sell to CIOs, nobody knows us yet, 300 visitors a month and 2 leads", "sdm", "new", null, "leads=2 monthly_visitors=300")]
    [InlineData("300 visitors a month and 2 leads", null, null, null, "leads=2 monthly_visitors=300")]
    [InlineData("visitors are 300 now and leads are 2", null, null, null, "leads=2 monthly_visitors=300")]
    [InlineData("churn 3%, nps is -5; activation 30 percent", null, null, null, "activation_pct=30 monthly_churn_pct=3 nps=-5")]
    [InlineData("2 leads, 300 visitors", null, null, null, "leads=2 monthly_visitors=300")]
    [InlineData("our users are developers and there's no community", "end-user", null, "no", "")]
    [InlineData("It's an app for students, people know us a bit, and there's a big subreddit", "end-user", "emerging", "yes", "")]
    [InlineData("well known in the market. about 12k visitors and 400 signups", null, "established", null, "leads=400 monthly_visitors=12000")]
    public void Several_facts_in_one_message_are_all_read(string text, string? audience, string? awareness, string? community, string metrics)
    {
        var facts = Read(text);

        Assert.Equal(audience, facts.Audience is { } a ? FlywheelIds.Of(a) : null);
        Assert.Equal(awareness, facts.Awareness is { } w ? FlywheelIds.Of(w) : null);
        Assert.Equal(community, facts.Community is { } c ? FlywheelIds.Of(c) : null);
        Assert.Equal(metrics, string.Join(' ', facts.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}")));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("12%")]
    [InlineData("no")]
    [InlineData("about 2k")]
    [InlineData("what should we do next")]
    public void A_bare_answer_names_no_fact(string text) => Assert.True(Read(text).IsEmpty);

    [Fact]
    public void The_reader_uses_the_alias_table_it_is_given()
    {
        var custom = new MetricNames([Given.Playbook.Metrics.Single(m => m.Id == "monthly_visitors") with { Aliases = ["punters"] }]);

        var facts = FactReader.Read("1,500 punters", custom, Parse, TestAdvisor.Guide.Activities);

        Assert.Equal(1_500m, Assert.Single(facts.Metrics).Value);
        Assert.True(FactReader.Read("1,500 visitors", custom, Parse, TestAdvisor.Guide.Activities).IsEmpty);
    }

    [Fact]
    public void Facts_typed_mid_interview_are_taken_and_never_asked_again()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("sdm");

        chat.Say("established, 3000 visitors and 60 leads a month");

        var asked = chat.AnswerAll(id => id == "doing" ? "not sure" : Answers.Healthy.TryGetValue(id, out var a) ? a.Typed : "skip");
        Assert.DoesNotContain(asked, q => q.QuestionId is "awareness" or "monthly_visitors" or "leads" or "visitor_to_lead_pct");
        var input = chat.LastResult.Completed!.Input;
        Assert.Equal(2m, input.Metrics["visitor_to_lead_pct"]);
        Assert.Equal(MarketAwareness.Established, input.Awareness);
    }

    [Fact]
    public void A_team_update_with_two_numbers_recomputes_the_rate_from_them()
    {
        var profile = new TeamProfile(Audience.Sdm, MarketAwareness.Established, Community.Unknown,
            new Dictionary<string, decimal> { ["monthly_visitors"] = 3000, ["leads"] = 15, ["visitor_to_lead_pct"] = 0.5m }.ToImmutableDictionary(),
            [], TestAdvisor.Start);
        var chat = new ScriptedChat(ConversationScope.GroupChat, profile);

        chat.Say("leads are 35 now");

        Assert.Equal(1.17m, chat.LastResult.Completed!.Input.Metrics["visitor_to_lead_pct"]);
        Assert.False(chat.Profile!.Metrics.ContainsKey("visitor_to_lead_pct"));

        chat.Say("visitors are 5000 now and leads are 40");

        Assert.Equal(0.8m, chat.LastResult.Completed!.Input.Metrics["visitor_to_lead_pct"]);
        Assert.StartsWith("Updated: website visitors per month: 5,000; new leads per month: 40", chat.Replies.OfType<NoticeView>().First().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Contradicting_numbers_are_said_in_chat_with_the_question_which_is_right()
    {
        var chat = new ScriptedChat();

        chat.Say("we sell to executives, established, 3000 visitors, 10% conversion rate and 4 leads");

        var warning = Assert.Single(chat.Replies.OfType<NoticeView>(), n => n.Tone == NoticeTone.Warning);
        Assert.Contains("which number is right", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_off_script_question_about_an_activity_gets_the_playbook_answer_for_this_team()
    {
        var chat = new ScriptedChat();
        chat.Say("we sell to CIOs, established, 9000 visitors and 2 leads");

        chat.Say("what about LinkedIn ads? our CEO wants them");

        var answer = chat.Replies.OfType<NoticeView>().First().Text;
        Assert.Contains("LinkedIn ads aimed at the exact job titles", answer, StringComparison.Ordinal);
        Assert.Contains("awareness", answer, StringComparison.Ordinal);
        Assert.Contains("not your bottleneck", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("didn't catch", answer, StringComparison.Ordinal);
        chat.Last<QuestionView>();
    }

    [Fact]
    public void The_interview_asks_once_what_the_team_does_now_and_the_card_allows_several()
    {
        var chat = new ScriptedChat();
        chat.Say("we sell to CIOs, nobody knows us yet");

        var question = chat.Question;
        Assert.Equal("doing", question.QuestionId);
        Assert.True(question.IsMultiSelect);
        Assert.Contains(question.Choices, c => c.Label == "PR");
        Assert.DoesNotContain(question.Choices, c => c.Value == "community-outreach");

        chat.Submit((ViewData.Command, ViewCommands.Answer), (ViewData.Question, "doing"), ("value", "lead-qualification,referral-program"));

        var advice = chat.Last<RecommendationView>();
        Assert.Equal(2, advice.StopDoing.Sum(s => s.Title.Split(" and ").Length));
        Assert.Equal(["lead-qualification", "referral-program"], chat.Profile!.Doing.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("not sure", 0)]
    [InlineData("nothing", 0)]
    [InlineData("seo and webinars", 2)]
    [InlineData("1, 3", 2)]
    public void The_doing_question_reads_plain_words_numbers_and_not_sure(string typed, int count)
    {
        var chat = new ScriptedChat();
        chat.Say("senior people, nobody knows us yet");

        chat.Say(typed);

        chat.Last<RecommendationView>();
        Assert.Equal(count, chat.Profile!.Doing.Count);
    }

    [Fact]
    public void An_nps_update_reads_as_a_score_not_25_score()
    {
        var chat = new ScriptedChat(ConversationScope.GroupChat, new TeamProfile(Audience.Sdm, MarketAwareness.Established, Community.Unknown, [], [], TestAdvisor.Start));

        chat.Say("nps is 25");

        var text = chat.Replies.OfType<NoticeView>().First().Text;
        Assert.Contains("Net Promoter Score: 25", text, StringComparison.Ordinal);
        Assert.DoesNotContain("25 score", text, StringComparison.Ordinal);
    }

    private static Facts Read(string text) => FactReader.Read(text, Names, Parse, TestAdvisor.Guide.Activities);

    private static bool Parse(string metricId, string text, out decimal value)
    {
        value = 0;
        return TestAdvisor.Guide.FindMetric(metricId) is { } metric && TestAdvisor.Guide.TryParseValue(metric, text, out value);
    }
}
