using FlywheelBot.Views;

namespace FlywheelBot.Tests.Views;

/// <summary>The cards the validator test renders itself: every sample view, hostile user text, and the scripted conversations.</summary>
internal static class CardSamples
{
    public static readonly string[] Hostile =
    [
        "\"}]}, {\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"",
        "line one\nline two\r\n{{name}} ${value}",
        "<at>FlywheelBot</at> </at> <script>alert(1)</script>",
    ];

    public static void RenderAll()
    {
        foreach (var (name, view) in SampleViews.All)
        {
            CardCorpus.Render(view, $"sample-{name}");
        }

        foreach (var text in Hostile)
        {
            CardCorpus.Render(NoticeView.Say(text), "hostile-notice");
            CardCorpus.Render(new AnsweredView(text, text), "hostile-answered");
            CardCorpus.Render(SampleViews.NumberReAsk with { Problem = text }, "hostile-reask");
            CardCorpus.Render(SampleViews.Recommendation with { ActivityTitle = text, Assumptions = [text] }, "hostile-recommendation");
        }

        Advisor.ConversationCorpus.RunAll();

        var checkIns = new FlywheelBot.CheckIns.Views.CheckInCardContributor();
        foreach (var (name, view) in CheckIns.CheckInCardTests.Samples())
        {
            Assert.True(checkIns.TryRender(view, out var card));
            CardCorpus.Record($"checkin-{name}", card);
        }
    }
}
