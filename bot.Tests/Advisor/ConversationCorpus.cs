using FlywheelBot.Advisor;
using FlywheelBot.Conversations;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Advisor;

/// <summary>
/// Runs the scripted conversations the advisor tests use, end to end; <see cref="ScriptedChat"/> renders every reply
/// into the card corpus, so the validator test sees every kind of card a real conversation produces.
/// </summary>
internal static class ConversationCorpus
{
    public static void RunAll()
    {
        foreach (var scope in Enum.GetValues<ConversationScope>())
        {
            var chat = new ScriptedChat(scope);
            chat.Install();
            chat.Say("help");
            chat.Say("what should we do next");
            chat.Say("lots");
            chat.Execute((ViewData.Command, ViewCommands.Answer), (ViewData.Question, "audience"), (ViewData.Value, "sdm"));
            chat.Say("back");
            chat.Say("end users");
            chat.Say("emerging");
            chat.Say("skip");
            chat.Say("help");
            chat.AnswerAll(id => id == "inbound_conversations" ? "1" : Answers.Profile("end-user", "emerging")(id));
            chat.Execute((ViewData.Command, ViewCommands.Why));
            chat.Say("what's next");
            chat.Say("visitors are 5,400 now");
            chat.Say("nps is -20");
            chat.Say("cancel");
            chat.Say("banana");
        }

        foreach (var audience in new[] { "sdm", "end-user" })
        {
            foreach (var awareness in new[] { "new", "emerging", "established" })
            {
                var chat = new ScriptedChat();
                chat.Say("start");
                chat.AnswerAll(Answers.Profile(audience, awareness, "no"));
                chat.Say("why");
            }
        }

        var misses = new ScriptedChat();
        misses.Say("start");
        misses.AnswerAll(id => id == "monthly_visitors" ? "no number here" : Answers.Profile("sdm", "established")(id));

        var tour = new ScriptedChat();
        tour.Say("learn");
        foreach (var stage in Enum.GetValues<StageId>())
        {
            tour.Say("purple");
            tour.Say(TestAdvisor.Tour.For(stage).Answer);
            tour.Say("next");
        }
    }
}
