using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Conversations;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Advisor;

public sealed class AdvisorCommandTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("Help?")]
    public void Help_answers_and_keeps_the_place(string typed)
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("sdm");

        chat.Say(typed);

        var help = Assert.IsType<HelpView>(chat.Replies[0]);
        Assert.Equal(BasicQuestions.Awareness.Prompt, help.CurrentQuestion);
        Assert.Equal("awareness", chat.Question.QuestionId);
        chat.Say("emerging");
        Assert.Equal("monthly_visitors", chat.Question.QuestionId);
    }

    [Fact]
    public void Help_from_a_card_button_works_too()
    {
        var chat = new ScriptedChat();
        chat.Execute((ViewData.Command, ViewCommands.Help));

        var help = Assert.IsType<HelpView>(chat.Replies[0]);
        Assert.Null(help.CurrentQuestion);
    }

    [Fact]
    public void Back_returns_to_the_previous_question_and_forgets_its_answer()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("sdm");
        chat.Say("emerging");

        chat.Say("back");

        Assert.Equal("awareness", chat.Question.QuestionId);
        Assert.Null(chat.State.Interview!.Awareness);
        chat.Say("new");
        chat.Say("not sure");
        Assert.Equal("Awareness", chat.Last<RecommendationView>().StageName);
    }

    [Fact]
    public void Back_twice_after_a_skip_reaches_the_first_question()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("skip");
        chat.Say("back");

        Assert.Equal("audience", chat.Question.QuestionId);
        Assert.Empty(chat.State.Interview!.Skipped);
        chat.Say("back");
        Assert.Contains(chat.Replies, r => r is NoticeView n && n.Text.Contains("first question", StringComparison.Ordinal));
        Assert.Equal("audience", chat.Question.QuestionId);
    }

    [Fact]
    public void Skip_moves_on_and_is_noted()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("sdm");

        chat.Say("skip");

        Assert.Equal("monthly_visitors", chat.Question.QuestionId);
        Assert.Contains("awareness", chat.State.Interview!.Skipped);
    }

    [Fact]
    public void Skip_from_a_card_replaces_it_with_skipped()
    {
        var chat = new ScriptedChat();
        chat.Say("start");

        var output = chat.Execute((ViewData.Command, ViewCommands.Skip), (ViewData.Question, "audience"));

        Assert.Equal("skipped", Assert.IsType<AnsweredView>(output.ReplaceMessage).Answer);
        Assert.Equal("awareness", chat.Question.QuestionId);
    }

    [Fact]
    public void Cancel_ends_the_interview_and_later_text_is_not_taken_as_an_answer()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("sdm");

        chat.Say("cancel");

        Assert.Equal(ConversationMode.Idle, chat.State.Mode);
        Assert.Null(chat.State.Interview);
        chat.Say("emerging");
        Assert.IsType<NoticeView>(chat.Replies[^1]);
        Assert.Null(chat.State.Interview);
    }

    [Fact]
    public void Restart_starts_again_from_the_first_question()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("sdm");
        chat.Say("emerging");

        chat.Say("restart");

        Assert.Equal("audience", chat.Question.QuestionId);
        Assert.Empty(chat.State.Interview!.History);
        Assert.False(chat.Question.CanGoBack);
    }

    [Fact]
    public void Start_resumes_an_interview_left_for_the_tour()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("sdm");
        chat.Say("learn");
        Assert.IsType<TourStageView>(chat.Replies[^1]);

        chat.Say("start");

        Assert.Equal("awareness", chat.Question.QuestionId);
    }

    [Fact]
    public void A_card_answer_to_an_interview_paused_for_the_tour_resumes_it()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.Say("learn");

        chat.Execute((ViewData.Command, ViewCommands.Answer), (ViewData.Question, "audience"), (ViewData.Value, "sdm"));

        Assert.Equal(ConversationMode.Interview, chat.State.Mode);
        Assert.Equal("awareness", chat.Question.QuestionId);
    }

    [Fact]
    public void Why_shows_the_five_stage_walk_with_the_bottleneck_highlighted()
    {
        var chat = new ScriptedChat();
        chat.Say("start");
        chat.AnswerAll(id => id == "inbound_conversations" ? "1" : Answers.Profile("sdm", "emerging")(id));
        Assert.Equal("Engagement", chat.Last<RecommendationView>().StageName);

        chat.Execute((ViewData.Command, ViewCommands.Why));

        var walk = chat.Last<StageWalkView>();
        Assert.Equal(["Awareness", "Engagement", "Conversion", "Adoption", "Advocacy"], walk.Stages.Select(s => s.Name));
        var bottleneck = Assert.Single(walk.Stages, s => s.IsBottleneck);
        Assert.Equal("Engagement", bottleneck.Name);
        Assert.Equal(FlywheelBot.Flywheel.StageStatus.Weak, bottleneck.Status);
        Assert.NotEmpty(bottleneck.Evidence);
    }

    [Fact]
    public void Why_without_any_advice_offers_the_interview()
    {
        var chat = new ScriptedChat();
        chat.Say("why");

        var notice = chat.Last<NoticeView>();
        Assert.Contains(notice.Actions, a => a.IsPrimary && a.Command == ViewCommands.Start);
    }

    [Fact]
    public void A_lost_state_says_lets_start_over_and_carries_on()
    {
        var chat = new ScriptedChat();
        chat.Run(new AdvisorInput(FlywheelBot.Conversations.TurnKind.Message, FlywheelBot.Conversations.ConversationScope.Personal, "emerging", System.Collections.Immutable.ImmutableDictionary<string, string>.Empty, null, StateWasLost: true));

        var notice = Assert.IsType<NoticeView>(chat.Replies[0]);
        Assert.Contains("start this over", notice.Text, StringComparison.Ordinal);
        Assert.Equal("audience", chat.Question.QuestionId);
    }

    [Fact]
    public void The_welcome_card_has_one_primary_action_start_and_offers_the_tour()
    {
        var chat = new ScriptedChat();
        chat.Install();

        var actions = ViewActions.For(chat.Last<WelcomeView>());

        Assert.Equal(ViewCommands.Start, Assert.Single(actions, a => a.IsPrimary).Command);
        Assert.Contains(actions, a => a.Command == ViewCommands.Learn);
    }

    [Fact]
    public void Unknown_text_when_idle_says_what_works()
    {
        var chat = new ScriptedChat();
        chat.Say("banana");

        Assert.Contains("start", chat.Last<NoticeView>().Text, StringComparison.Ordinal);
        Assert.Equal(ConversationMode.Idle, chat.State.Mode);
    }
}
