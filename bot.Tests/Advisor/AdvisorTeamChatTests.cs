using System.Collections.Immutable;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Conversations;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Advisor;

public sealed class AdvisorTeamChatTests
{
    private static readonly PlainTextRenderer Text = new();

    private static TeamProfile SavedProfile(DateTimeOffset at) => new(
        Audience.Sdm,
        MarketAwareness.Emerging,
        Community.Unknown,
        ImmutableDictionary<string, decimal>.Empty.Add("monthly_visitors", 20_000m).Add("inbound_conversations", 1m),
        ImmutableHashSet<string>.Empty,
        at);

    [Theory]
    [InlineData("what should we do next")]
    [InlineData("What should we do next?")]
    [InlineData("what's next")]
    [InlineData("What\u2019s next?")]
    [InlineData("next step?")]
    [InlineData("what should we focus on")]
    [InlineData("advice")]
    public void What_should_we_do_next_answers_at_once_from_a_fresh_profile(string typed)
    {
        var chat = new ScriptedChat(ConversationScope.GroupChat, SavedProfile(TestAdvisor.Start.AddDays(-3)));

        chat.Say(typed);

        var advice = Assert.IsType<RecommendationView>(Assert.Single(chat.Replies));
        Assert.Contains("3 days ago", advice.Source, StringComparison.Ordinal);
        var expected = TestAdvisor.Engine.Diagnose(chat.Profile!.ToDiagnosisInput());
        Assert.Equal(expected.Recommendation.Title, advice.ActivityTitle);
        Assert.Equal(
            Text.Render(TestAdvisor.Views.Recommendation(expected, chat.Clock.GetUtcNow(), [], advice.Source)),
            Text.Render(advice));
    }

    [Fact]
    public void Without_a_profile_it_says_so_and_starts_the_interview_in_the_chat()
    {
        var chat = new ScriptedChat(ConversationScope.Channel);

        chat.Say("what should we do next");

        Assert.Contains("don't have a profile", Assert.IsType<NoticeView>(chat.Replies[0]).Text, StringComparison.Ordinal);
        Assert.Equal("audience", chat.Question.QuestionId);
        chat.AnswerAll(Answers.Profile("sdm", "emerging"));
        chat.Last<RecommendationView>();
        Assert.NotNull(chat.Profile);
        Assert.Equal(chat.Clock.GetUtcNow(), chat.Profile!.UpdatedAt);
    }

    [Fact]
    public void A_profile_older_than_30_days_is_not_used_and_the_interview_starts()
    {
        var chat = new ScriptedChat(ConversationScope.GroupChat, SavedProfile(TestAdvisor.Start));
        chat.Say("what's next");
        Assert.IsType<RecommendationView>(chat.Replies[^1]);

        chat.Clock.Advance(TimeSpan.FromDays(31));
        chat.Say("what's next");

        Assert.Contains("31 days old", Assert.IsType<NoticeView>(chat.Replies[0]).Text, StringComparison.Ordinal);
        Assert.Equal("audience", chat.Question.QuestionId);
    }

    [Fact]
    public void In_personal_chat_a_fresh_profile_also_answers_at_once()
    {
        var chat = new ScriptedChat(ConversationScope.Personal, SavedProfile(TestAdvisor.Start));

        chat.Say("what should I do next");

        Assert.IsType<RecommendationView>(Assert.Single(chat.Replies));
    }

    [Theory]
    [InlineData("visitors are 5,400 now", "monthly_visitors", 5400)]
    [InlineData("nps is 12", "nps", 12)]
    [InlineData("churn 3%", "monthly_churn_pct", 3)]
    [InlineData("Inbound conversations: 9", "inbound_conversations", 9)]
    [InlineData("leads are about 2k this month", "leads", 2000)]
    [InlineData("trial conversion is 12%", "trial_to_paid_pct", 12)]
    [InlineData("response time 4", "lead_response_hours", 4)]
    public void Anyone_can_update_a_metric_and_gets_fresh_advice(string typed, string metric, double value)
    {
        var chat = new ScriptedChat(ConversationScope.Channel, SavedProfile(TestAdvisor.Start.AddDays(-40)));

        chat.Say(typed);

        Assert.Equal((decimal)value, chat.Profile!.Metrics[metric]);
        Assert.Equal(chat.Clock.GetUtcNow(), chat.Profile.UpdatedAt);
        if (metric != "monthly_visitors")
        {
            Assert.Equal(20_000m, chat.Profile.Metrics["monthly_visitors"]);
        }

        Assert.Equal(NoticeTone.Good, Assert.IsType<NoticeView>(chat.Replies[0]).Tone);
        var advice = Assert.IsType<RecommendationView>(chat.Replies[1]);
        Assert.Equal(TestAdvisor.Engine.Diagnose(chat.Profile.ToDiagnosisInput()).Recommendation.Title, advice.ActivityTitle);
        Assert.Equal("update", chat.LastResult.CompletedSource);
    }

    [Fact]
    public void A_metric_update_that_fixes_the_bottleneck_changes_the_advice()
    {
        var chat = new ScriptedChat(ConversationScope.GroupChat, SavedProfile(TestAdvisor.Start));
        chat.Say("what should we do next");
        Assert.Equal("Engagement", chat.Last<RecommendationView>().StageName);

        chat.Say("inbound conversations are 40 now");

        var advice = chat.Last<RecommendationView>();
        Assert.True(advice.IsOptimisation || advice.StageName != "Engagement", $"{advice.StageName} {advice.IsOptimisation}");
    }

    [Fact]
    public void A_metric_update_without_a_profile_is_kept_and_the_basics_are_asked()
    {
        var chat = new ScriptedChat(ConversationScope.GroupChat);

        chat.Say("visitors are 5,400 now");

        Assert.Equal("audience", chat.Question.QuestionId);
        chat.AnswerAll(Answers.Profile("sdm", "emerging"));
        Assert.Equal(5400m, chat.LastResult.Completed!.Input.Metrics["monthly_visitors"]);
    }

    [Fact]
    public void A_metric_named_during_the_interview_is_noted_and_not_asked_again()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("sdm");
        chat.Say("emerging");

        chat.Say("nps is 50");

        Assert.Equal("monthly_visitors", chat.Question.QuestionId);
        var asked = chat.AnswerAll(Answers.Profile("sdm", "emerging"));
        Assert.DoesNotContain(asked, q => q.QuestionId == "nps");
        Assert.Equal(50m, chat.LastResult.Completed!.Input.Metrics["nps"]);
    }

    [Fact]
    public void The_team_welcome_says_how_to_ask_in_a_channel()
    {
        var chat = new ScriptedChat(ConversationScope.Channel);
        chat.Install();

        Assert.True(chat.Last<WelcomeView>().IsTeamChat);
        Assert.Contains("@FlywheelBot what should we do next", Text.Render(chat.Last<WelcomeView>()), StringComparison.Ordinal);
    }
}
