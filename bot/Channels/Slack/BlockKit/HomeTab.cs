using System.Globalization;
using System.Text.Json.Nodes;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.Slack.BlockKit;

/// <summary>
/// The App Home tab (<c>views.publish</c>, type <c>home</c>): the five stages and their status, the current
/// recommendation, and buttons to start the interview, take the tour and set up the weekly check-in. Without a saved
/// profile it invites the interview.
/// </summary>
internal static class HomeTab
{
    public static JsonObject Build(RecommendationView? recommendation, StageWalkView? walk, JsonObject? wheelImage = null)
    {
        var blocks = new List<JsonObject>
        {
            Bk.Header(ViewTexts.WelcomeTitle),
            Bk.Section(ViewTexts.WelcomeWhat),
        };

        if (walk is not null)
        {
            blocks.Add(Bk.Divider());
            blocks.Add(Bk.Header("Your flywheel"));
            if (wheelImage is not null)
            {
                blocks.Add(wheelImage);
            }

            foreach (var stage in walk.Stages)
            {
                var icon = stage.Status switch
                {
                    StageStatus.Healthy => ":large_green_circle:",
                    StageStatus.Weak => ":red_circle:",
                    StageStatus.Watch => ":large_yellow_circle:",
                    _ => ":white_circle:",
                };
                var line = $"{icon} *{Bk.Escape(ViewTexts.StageHeadline(stage))}*";
                if (stage.Evidence.FirstOrDefault() is { } evidence)
                {
                    line += $"\n{Bk.Escape(evidence)}";
                }

                blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Bk.Markdown(line) });
            }
        }

        if (recommendation is not null)
        {
            blocks.Add(Bk.Divider());
            blocks.Add(Bk.Header("Do this next"));
            blocks.Add(Bk.Section(recommendation.FirstStep, recommendation.ActivityTitle));
            blocks.Add(Bk.Context(
                $"Watch: {recommendation.MetricToWatch}. Target: {recommendation.Target.TrimEnd('.')}. Review on {recommendation.ReviewOn.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}.",
                recommendation.Source ?? "From your saved profile"));
        }
        else
        {
            blocks.Add(Bk.Section("No numbers yet: answer a few questions in the Messages tab (or press Start) and your first recommendation appears here."));
        }

        var buttons = new[]
        {
            ViewAction.Of(recommendation is null ? "Start" : "Start over", recommendation is null ? "start" : "restart", true, (ViewData.Command, recommendation is null ? ViewCommands.Start : ViewCommands.Restart)),
            ViewAction.Of("Learn the flywheel", "learn", false, (ViewData.Command, ViewCommands.Learn)),
            ViewAction.Of("Weekly check-in", "check in", false, (ViewData.Command, "checkin-setup")),
        };
        blocks.Add(Bk.Actions("fw:home", buttons.Select((a, i) => Bk.Button(a.Title, SlackActionIds.For(a, i), SlackActionIds.Value(a.Data), a.IsPrimary))));

        return new JsonObject
        {
            ["type"] = "home",
            ["callback_id"] = "flywheel-home",
            ["blocks"] = BlockKitRenderer.Fit(blocks, BlockKitLimits.ViewBlocks),
        };
    }
}
