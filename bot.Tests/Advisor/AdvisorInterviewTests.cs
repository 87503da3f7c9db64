using System.Collections.Immutable;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Advisor;

public sealed class AdvisorInterviewTests
{
    private static readonly PlainTextRenderer Text = new();

    [Fact]
    public void The_full_SDM_interview_walks_all_five_stages_in_order_asking_only_deciding_metrics()
    {
        var chat = new ScriptedChat();
        chat.Say("start");

        var asked = chat.AnswerAll(Answers.Profile("sdm", "emerging"));

        // Every deciding metric but the rate worked out from the two counts before it; last, what the team does now.
        var expectedMetrics = Enum.GetValues<StageId>()
            .SelectMany(s => TestAdvisor.Engine.Playbook.DecidingMetrics(Audience.Sdm, s))
            .Select(m => m.Id)
            .Where(id => id != "visitor_to_lead_pct");
        Assert.Equal(["audience", "awareness", .. expectedMetrics, "doing"], asked.Select(q => q.QuestionId));
        Assert.Equal(asked.SkipLast(1).Select(q => q.Progress.Stage).Order(), asked.SkipLast(1).Select(q => q.Progress.Stage));
        Assert.Equal([0, 1, 2, 3, 4, 5], asked.Select(q => q.Progress.Stage).Distinct());
        Assert.All(asked.Where(q => q.Progress.Stage > 0), q => Assert.Equal(5, q.Progress.StageCount));
        chat.Last<RecommendationView>();
    }

    [Fact]
    public void The_advice_at_the_end_equals_the_engine_diagnosis_for_the_same_inputs()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        var asked = chat.AnswerAll(Answers.Profile("sdm", "emerging"));

        var metrics = asked.Where(q => Answers.Healthy.ContainsKey(q.QuestionId))
            .ToImmutableDictionary(q => q.QuestionId, q => Answers.Healthy[q.QuestionId].Value);
        var expected = TestAdvisor.Engine.Diagnose(new DiagnosisInput(Audience.Sdm, MarketAwareness.Emerging, Community.Unknown, metrics, []));
        var actual = chat.LastResult.Completed!;

        Assert.Equal(expected.Bottleneck, actual.Bottleneck);
        Assert.Equal(expected.Recommendation, actual.Recommendation);
        Assert.Equal(expected.StopDoing, actual.StopDoing);
        Assert.Equal(expected.Missing, actual.Missing);
        var expectedView = TestAdvisor.Views.Recommendation(expected, chat.Clock.GetUtcNow(), [], null);
        Assert.Equal(Text.Render(expectedView), Text.Render(chat.Last<RecommendationView>()));
        Assert.Equal("interview", chat.LastResult.CompletedSource);
    }

    [Fact]
    public void A_new_market_needs_no_funnel_metrics_and_gets_awareness_advice()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("senior people");
        chat.Say("new");
        Assert.Equal("doing", chat.Question.QuestionId);
        chat.Say("not sure");

        var advice = chat.Last<RecommendationView>();
        Assert.Equal("Awareness", advice.StageName);
        Assert.DoesNotContain(chat.Results.SelectMany(r => r.Output.Replies).OfType<QuestionView>(), q => q.Progress.Stage > 0);
    }

    [Fact]
    public void A_weak_stage_ends_the_walk_there()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        var asked = chat.AnswerAll(id => id == "monthly_visitors" ? "100" : Answers.Profile("sdm", "emerging")(id));

        Assert.All(asked, q => Assert.True(q.Progress.Stage <= 1, q.QuestionId));
        var advice = chat.Last<RecommendationView>();
        Assert.Equal("Awareness", advice.StageName);
        Assert.False(advice.IsOptimisation);
    }

    [Theory]
    [InlineData("yes", Community.Yes)]
    [InlineData("no", Community.No)]
    [InlineData("not sure", Community.Unknown)]
    public void The_end_user_interview_asks_about_a_community_and_uses_the_answer(string typed, Community expected)
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        var asked = chat.AnswerAll(Answers.Profile("end users", "emerging", typed));

        Assert.Equal(["audience", "awareness", "community"], asked.Take(3).Select(q => q.QuestionId));
        var input = chat.LastResult.Completed!.Input;
        Assert.Equal(Audience.EndUser, input.Audience);
        Assert.Equal(expected, input.Community);
        var endUserMetrics = Enum.GetValues<StageId>().SelectMany(s => TestAdvisor.Engine.Playbook.DecidingMetrics(Audience.EndUser, s)).Select(m => m.Id).ToHashSet();
        Assert.All(asked.Skip(3).SkipLast(1), q => Assert.Contains(q.QuestionId, endUserMetrics));
        Assert.Equal("doing", asked[^1].QuestionId);
    }

    [Fact]
    public void An_end_user_new_market_with_and_without_a_community_gets_different_advice()
    {
        string Advice(string community)
        {
            var chat = new ScriptedChat();
            chat.Say("start");
            chat.AnswerAll(Answers.Profile("end-user", "new", community));
            return chat.LastResult.Completed!.Recommendation.ActivityId;
        }

        Assert.Equal("community-outreach", Advice("yes"));
        Assert.NotEqual("community-outreach", Advice("no"));
    }

    [Theory]
    [InlineData("sdm", "sdm")]
    [InlineData("SDM", "sdm")]
    [InlineData("senior people", "sdm")]
    [InlineData("decision makers", "sdm")]
    [InlineData("Decision-makers", "sdm")]
    [InlineData("we sell to executives", "sdm")]
    [InlineData("1", "sdm")]
    [InlineData("end users", "end-user")]
    [InlineData("end-user", "end-user")]
    [InlineData("developers", "end-user")]
    [InlineData("2", "end-user")]
    public void Typed_audience_answers_are_understood(string typed, string expected)
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say(typed);

        Assert.Equal("awareness", chat.Question.QuestionId);
        Assert.Equal(expected, FlywheelIds.Of(chat.State.Interview!.Audience!.Value));
    }

    [Theory]
    [InlineData("monthly_visitors", "about 2k visitors", 2000)]
    [InlineData("monthly_visitors", "1,200", 1200)]
    [InlineData("monthly_visitors", "  950 a month ", 950)]
    [InlineData("share_of_voice_pct", "12%", 12)]
    [InlineData("share_of_voice_pct", "12.5 percent", 12.5)]
    public void Typed_numbers_are_read_by_the_engine_parser(string metric, string typed, double expected)
    {
        var chat = AtMetric(metric);

        chat.Say(typed);

        Assert.Equal((decimal)expected, chat.State.Interview!.Metrics[metric]);
    }

    [Theory]
    [InlineData("no idea")]
    [InlineData("skip")]
    [InlineData("don't know")]
    [InlineData("Dunno.")]
    public void Not_knowing_skips_the_question_and_the_advice_says_what_it_assumed(string typed)
    {
        var chat = AtMetric("monthly_visitors");

        chat.Say(typed);

        Assert.Contains("monthly_visitors", chat.State.Interview!.Skipped);
        Assert.NotEqual("monthly_visitors", chat.Question.QuestionId);
        chat.AnswerAll(Answers.Profile("sdm", "emerging"));
        var advice = chat.Last<RecommendationView>();
        Assert.Contains(advice.Assumptions, a => a.StartsWith(TestAdvisor.Engine.Playbook.Metric("monthly_visitors").Label, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_answer_gets_a_short_reask_saying_what_is_expected()
    {
        var chat = AtMetric("monthly_visitors");

        chat.Say("lots");

        var reask = chat.Question;
        Assert.Equal("monthly_visitors", reask.QuestionId);
        Assert.Contains("\"lots\"", reask.Problem, StringComparison.Ordinal);
        Assert.Contains("1,200", reask.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_bad_answers_in_a_row_skip_the_question_and_the_advice_says_so()
    {
        var chat = AtMetric("monthly_visitors");

        chat.Say("lots");
        chat.Say("many");
        Assert.Equal("monthly_visitors", chat.Question.QuestionId);
        chat.Say("a great many");

        Assert.Contains(chat.Replies, r => r is NoticeView { Tone: NoticeTone.Warning });
        Assert.NotEqual("monthly_visitors", chat.Question.QuestionId);
        Assert.Contains("monthly_visitors", chat.State.Interview!.GaveUp);
        chat.AnswerAll(Answers.Profile("sdm", "emerging"));
        Assert.Contains(chat.Last<RecommendationView>().Assumptions, a => a.Contains("could not read", StringComparison.Ordinal));
    }

    [Fact]
    public void A_good_answer_resets_the_miss_count()
    {
        var chat = AtMetric("monthly_visitors");
        chat.Say("lots");
        chat.Say("many");
        chat.Say("2000");
        chat.Say("heaps");
        chat.Say("oodles");

        Assert.Equal("share_of_voice_pct", chat.Question.QuestionId);
        Assert.Equal(2, chat.State.Interview!.Misses);
    }

    [Fact]
    public void Three_bad_audience_answers_assume_senior_decision_makers_and_say_so()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("marketing people");
        chat.Say("everyone");
        chat.Say("hmm");

        Assert.Equal("awareness", chat.Question.QuestionId);
        chat.AnswerAll(Answers.Profile("sdm", "new"));
        Assert.Equal(Audience.Sdm, chat.LastResult.Completed!.Input.Audience);
        Assert.Contains(chat.Last<RecommendationView>().Assumptions, a => a.StartsWith("Audience:", StringComparison.Ordinal));
    }

    [Fact]
    public void Answers_from_an_Execute_card_replace_the_card_with_what_was_answered()
    {
        var chat = new ScriptedChat();
        chat.Say("start");

        var output = chat.Execute((ViewData.Command, ViewCommands.Answer), (ViewData.Question, "audience"), (ViewData.Value, "sdm"));

        var replaced = Assert.IsType<AnsweredView>(output.ReplaceMessage);
        Assert.Equal("Senior decision-makers", replaced.Answer);
        Assert.Equal("awareness", chat.Question.QuestionId);
    }

    [Fact]
    public void A_number_from_a_card_input_answers_and_reads_back_formatted()
    {
        var chat = AtMetric("monthly_visitors");

        var output = chat.Execute((ViewData.Command, ViewCommands.Answer), (ViewData.Question, "monthly_visitors"), (ViewData.Value, "1200"));

        Assert.Equal(1200m, chat.State.Interview!.Metrics["monthly_visitors"]);
        Assert.Contains("1,200", Assert.IsType<AnsweredView>(output.ReplaceMessage).Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Submit_card_answer_works_without_replacing_the_card()
    {
        var chat = new ScriptedChat();
        chat.Say("start");

        var output = chat.Submit((ViewData.Command, ViewCommands.Answer), (ViewData.Question, "audience"), (ViewData.Value, "end-user"));

        Assert.Null(output.ReplaceMessage);
        Assert.Equal(Audience.EndUser, chat.State.Interview!.Audience);
    }

    [Fact]
    public void An_answer_from_a_stale_card_does_not_answer_the_current_question()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("sdm");

        chat.Execute((ViewData.Command, ViewCommands.Answer), (ViewData.Question, "audience"), (ViewData.Value, "end-user"));

        Assert.Equal(Audience.Sdm, chat.State.Interview!.Audience);
        Assert.Equal("awareness", chat.Question.QuestionId);
        Assert.Contains(chat.Replies, r => r is NoticeView n && n.Text.Contains("earlier question", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_card_answer_is_reasked()
    {
        var chat = new ScriptedChat();
        chat.Say("start");

        chat.Execute((ViewData.Command, ViewCommands.Answer), (ViewData.Question, "audience"));

        Assert.Equal("audience", chat.Question.QuestionId);
        Assert.Contains("empty answer", chat.Question.Problem, StringComparison.Ordinal);
    }

    private static ScriptedChat AtMetric(string metricId)
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        while (chat.Question.QuestionId != metricId)
        {
            chat.Say(Answers.Profile("sdm", "emerging")(chat.Question.QuestionId));
        }

        return chat;
    }
}
