using FlywheelBot.Channels.Slack.BlockKit;
using FlywheelBot.Tests.Views;

namespace FlywheelBot.Tests.Channels.Slack.Support;

/// <summary>The modal and App Home views the Slack channel builds, recorded for the type check.</summary>
internal static class SlackViewSamples
{
    public static void RecordAll()
    {
        SlackBlockCorpus.RecordView("home-empty", HomeTab.Build(null, null));
        SlackBlockCorpus.RecordView("home", HomeTab.Build(SampleViews.Recommendation, SampleViews.StageWalk));
        SlackBlockCorpus.RecordView("form", AnswerForm.Build(
            "Stage 1 of 5: Awareness",
            [
                new("monthly_visitors", "How many people visit your website in a month?", "per month", 0, null, Required: true),
                new("share_of_voice_pct", "What share of voice do you have?", "%", 0, 100, Required: false),
                new("nps", "What is your NPS?", "score", -100, 100, Required: false),
            ],
            "{\"c\":\"D0ADA\",\"q\":\"monthly_visitors\"}"));
    }
}
