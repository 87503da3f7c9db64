using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Advisor;

public sealed class AdvisorTourTests
{
    [Theory]
    [InlineData("learn")]
    [InlineData("teach me the flywheel")]
    [InlineData("Learn the flywheel")]
    [InlineData("tour")]
    public void The_tour_starts_at_awareness_with_playbook_metrics_and_activities(string typed)
    {
        var chat = new ScriptedChat();

        chat.Say(typed);

        var card = chat.Last<TourStageView>();
        Assert.Equal("awareness", card.StageId);
        Assert.Equal((1, 5), (card.Number, card.Count));
        Assert.Contains(TestAdvisor.Engine.Playbook.Metric("monthly_visitors").Label, card.Metrics);
        Assert.NotEmpty(card.TopActivities);
        Assert.All(card.TopActivities, a => Assert.Contains(TestAdvisor.Engine.Playbook.Activities, d => d.Title == a));
        Assert.False(string.IsNullOrWhiteSpace(card.ForSdm));
        Assert.False(string.IsNullOrWhiteSpace(card.ForEndUsers));
        Assert.True(card.QuizChoices.Length >= 2);
    }

    [Fact]
    public void The_welcome_cards_learn_button_starts_the_tour()
    {
        var chat = new ScriptedChat();
        chat.Install();
        var learn = ViewActions.For(chat.Last<WelcomeView>()).Single(a => a.Command == ViewCommands.Learn);

        chat.Execute([.. learn.Data.Select(d => (d.Key, d.Value))]);

        Assert.Equal("awareness", chat.Last<TourStageView>().StageId);
    }

    [Theory]
    [InlineData("learn conversion", "conversion")]
    [InlineData("teach me advocacy", "advocacy")]
    [InlineData("learn adoption stage", "adoption")]
    public void Learn_with_a_stage_jumps_there(string typed, string stage)
    {
        var chat = new ScriptedChat();

        chat.Say(typed);

        Assert.Equal(stage, chat.Last<TourStageView>().StageId);
    }

    [Fact]
    public void A_right_quiz_answer_gets_praise_and_the_way_to_the_next_stage()
    {
        var chat = new ScriptedChat();
        chat.Say("learn");
        var right = TestAdvisor.Tour.For(StageId.Awareness).Answer;
        var number = chat.Last<TourStageView>().QuizChoices.Select(c => c.Value).ToList().IndexOf(right) + 1;

        chat.Say(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var feedback = chat.Last<TourAnswerView>();
        Assert.True(feedback.Correct);
        Assert.Equal("engagement", feedback.NextStageId);
        Assert.Contains(StageId.Awareness, chat.State.Tour.Checked);
        Assert.Equal(StageId.Awareness, chat.State.Tour.Current);
        chat.Say("next");
        Assert.Equal("engagement", chat.Last<TourStageView>().StageId);
    }

    [Fact]
    public void A_wrong_quiz_answer_from_the_card_explains_why()
    {
        var chat = new ScriptedChat();
        chat.Say("learn engagement");
        var tour = TestAdvisor.Tour.For(StageId.Engagement);
        var wrong = tour.Choices.First(c => c.Value != tour.Answer).Value;

        chat.Execute((ViewData.Command, ViewCommands.Quiz), (ViewData.Stage, "engagement"), (ViewData.Value, wrong));

        var feedback = chat.Last<TourAnswerView>();
        Assert.False(feedback.Correct);
        Assert.Equal(tour.Wrong, feedback.Feedback);
        var answered = Assert.IsType<AnsweredView>(chat.LastResult.Output.ReplaceMessage);
        Assert.Equal(tour.Quiz, answered.Prompt);
        Assert.Equal(tour.Choices.First(c => c.Value == wrong).Label, answered.Answer);
    }

    [Fact]
    public void A_quiz_answer_sent_as_a_message_leaves_the_stage_card_as_it_is()
    {
        var chat = new ScriptedChat();
        chat.Say("learn");
        var right = TestAdvisor.Tour.For(StageId.Awareness).Answer;

        chat.Submit((ViewData.Command, ViewCommands.Quiz), (ViewData.Stage, "awareness"), (ViewData.Value, right));

        Assert.True(chat.Last<TourAnswerView>().Correct);
        Assert.Null(chat.LastResult.Output.ReplaceMessage);
    }

    [Fact]
    public void An_unknown_quiz_answer_is_reasked_on_the_same_stage()
    {
        var chat = new ScriptedChat();
        chat.Say("learn");

        chat.Say("purple");

        Assert.IsType<NoticeView>(chat.Replies[0]);
        Assert.Equal("awareness", chat.Last<TourStageView>().StageId);
    }

    [Fact]
    public void Progress_is_remembered_and_learn_resumes_where_the_tour_was()
    {
        var chat = new ScriptedChat();
        chat.Say("learn");
        chat.Say("1");
        chat.Say("cancel");
        Assert.Equal(ConversationMode.Idle, chat.State.Mode);

        chat.Say("learn");

        Assert.Equal("engagement", chat.Last<TourStageView>().StageId);
    }

    [Fact]
    public void The_whole_tour_ends_with_an_offer_to_start_the_interview()
    {
        var chat = new ScriptedChat();
        chat.Say("learn");
        foreach (var stage in Enum.GetValues<StageId>())
        {
            Assert.Equal(FlywheelIds.Of(stage), chat.Last<TourStageView>().StageId);
            chat.Say(TestAdvisor.Tour.For(stage).Answer);
            if (stage != StageId.Advocacy)
            {
                chat.Say("next");
            }
        }

        var last = chat.Last<TourAnswerView>();
        Assert.Null(last.NextStageId);
        Assert.Equal(ViewCommands.Start, Assert.Single(ViewActions.For(last), a => a.IsPrimary).Command);
        Assert.Equal(5, chat.State.Tour.Checked.Count);
        Assert.Equal(ConversationMode.Idle, chat.State.Mode);
    }

    [Fact]
    public void Help_during_the_tour_keeps_the_place()
    {
        var chat = new ScriptedChat();
        chat.Say("learn adoption");

        chat.Say("help");

        Assert.IsType<HelpView>(chat.Replies[0]);
        Assert.Equal("adoption", chat.Last<TourStageView>().StageId);
        chat.Say(TestAdvisor.Tour.For(StageId.Adoption).Answer);
        Assert.True(chat.Last<TourAnswerView>().Correct);
    }

    [Fact]
    public void Skip_and_back_move_through_the_tour()
    {
        var chat = new ScriptedChat();
        chat.Say("learn");
        chat.Say("skip");
        Assert.Equal("engagement", chat.Last<TourStageView>().StageId);

        chat.Say("back");

        Assert.Equal("awareness", chat.Last<TourStageView>().StageId);
    }
}
