using FlywheelBot.Tests.Views;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Channels.BotFramework.Cards;

/// <summary>The cards the validator test renders itself: every sample view and check-in view, hostile user text, and the scripted conversations.</summary>
internal static class CardSamples
{
    public static void RenderAll()
    {
        foreach (var (name, view) in SampleViews.All)
        {
            CardCorpus.Render(view, $"sample-{name}");
        }

        foreach (var text in SampleViews.Hostile)
        {
            CardCorpus.Render(NoticeView.Say(text), "hostile-notice");
            CardCorpus.Render(new AnsweredView(text, text), "hostile-answered");
            CardCorpus.Render(SampleViews.NumberReAsk with { Problem = text }, "hostile-reask");
            CardCorpus.Render(SampleViews.Recommendation with { ActivityTitle = text, Assumptions = [text] }, "hostile-recommendation");
        }

        Tests.Advisor.ConversationCorpus.RunAll();

        foreach (var (name, view) in Tests.CheckIns.CheckInCardTests.Samples())
        {
            CardCorpus.Render(view, $"checkin-{name}");
        }
    }
}
