using System.Globalization;
using System.Text.Json.Nodes;
using FlywheelBot.CheckIns.History;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.CheckIns.Views;

/// <summary>
/// Adaptive Cards (1.5) for the check-in views, built as typed JSON nodes (user text is always a JSON string value).
/// Buttons are Action.Execute with an Action.Submit fallback; both carry <c>cmd</c> (and Execute the same <c>verb</c>).
/// </summary>
internal static class CheckInCardBuilder
{
    public static bool TryRender(ViewModel view, out JsonObject card)
    {
        card = view switch
        {
            CheckInPromptView v => Prompt(v),
            CheckInStatusView v => Status(v),
            CheckInSetupView v => Setup(v),
            CheckInResultView v => Result(v),
            CheckInHistoryView v => HistoryCard(v),
            CheckInExportView v => Export(v),
            CheckInNoticeView v => Card([Text(v.Text)], []),
            _ => null!,
        };
        return card is not null;
    }

    private static JsonObject Prompt(CheckInPromptView v)
    {
        var body = new List<JsonNode>
        {
            Heading(v.IsReminder ? "Reminder: this week's check-in" : "Weekly check-in"),
            Text($"Week {v.Period} ({v.TimeZoneId}). How did this week go? Your numbers keep the advice current.", subtle: true),
        };
        if (v.Fields.Length == 0)
        {
            body.Add(Text("I don't know your team yet. Say \"hi\" and answer a few questions first."));
            return Card(body, [Action("Pause check-ins", "checkin-pause")]);
        }

        foreach (var field in v.Fields)
        {
            var input = new JsonObject
            {
                ["type"] = "Input.Number",
                ["id"] = Commands.CheckInCommandParser.MetricInputPrefix + field.MetricId,
                ["label"] = field.Unit.Length > 0 ? $"{field.Label} ({field.Unit})" : field.Label,
            };
            if (field.LastValue is { } last)
            {
                input["placeholder"] = $"last: {SnapshotDiff.Number(last)}";
            }

            body.Add(input);
        }

        body.Add(Text("Or type them, e.g. \"visitors 5400, nps 20\".", subtle: true));
        return Card(body, [
            Action("Send numbers", "checkin-answer", new JsonObject { ["period"] = v.Period }),
            Action("Snooze a day", "checkin-snooze"),
            Action("Pause check-ins", "checkin-pause"),
        ]);
    }

    private static JsonObject Status(CheckInStatusView v)
    {
        var body = new List<JsonNode> { Heading(v.Headline) };
        var actions = new List<JsonNode>();
        if (v.Schedule is { } schedule)
        {
            var facts = new JsonArray
            {
                Fact("Schedule", CheckInFormat.Schedule(schedule)),
                Fact("Time zone", schedule.TimeZoneId),
                Fact("State", v.State == CheckInState.Active ? "active" : "paused"),
            };
            if (v.NextDueLocal is { } next)
            {
                facts.Add(Fact("Next check-in", CheckInFormat.LocalTime(next, schedule.TimeZoneId)));
            }

            if (v.PauseReason is { } reason)
            {
                facts.Add(Fact("Paused because", reason));
            }

            if (v.AwaitingAnswer)
            {
                facts.Add(Fact("Last check-in", "waiting for your numbers"));
            }

            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
            actions.Add(v.State == CheckInState.Active ? Action("Pause", "checkin-pause") : Action("Resume", "checkin-resume"));
            actions.Add(Action("Skip next", "checkin-skip"));
            actions.Add(Action("History", "checkin-history"));
            actions.Add(Action("Stop", "checkin-stop"));
        }

        return Card(body, actions);
    }

    private static JsonObject Setup(CheckInSetupView v)
    {
        var choices = new JsonArray();
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday })
        {
            choices.Add(new JsonObject { ["title"] = day.ToString(), ["value"] = day.ToString().ToLowerInvariant() });
        }

        return Card(
            [
                Heading("Weekly check-in"),
                Text("Once a week I'll ask for your numbers and tell you whether the wheel is turning."),
                new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = "day", ["label"] = "Day", ["value"] = v.Day.ToString().ToLowerInvariant(), ["choices"] = choices },
                new JsonObject { ["type"] = "Input.Time", ["id"] = "time", ["label"] = "Time", ["value"] = v.Time.ToString("HH:mm", CultureInfo.InvariantCulture) },
                new JsonObject { ["type"] = "Input.Text", ["id"] = "zone", ["label"] = "Time zone (IANA)", ["value"] = v.TimeZoneId },
                Text($"Time zone: {v.TimeZoneId} ({v.TimeZoneSource}).", subtle: true),
            ],
            [Action("Start weekly check-ins", "checkin-subscribe")]);
    }

    private static JsonObject Result(CheckInResultView v)
    {
        var r = v.Recommendation;
        var body = new List<JsonNode>
        {
            Heading("Check-in saved"),
            Text("What changed: " + string.Join("; ", v.Changes)),
            Text($"{(v.IsOptimisation ? "Weakest stage (an optimisation, not a fire)" : "Bottleneck")}: {FlywheelIds.Of(v.Bottleneck)}", weight: true),
            Text($"Next: {r.Title}", weight: true),
            Text(r.Why),
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    Fact("First step", r.FirstStep),
                    Fact("Metric to watch", r.MetricToWatch),
                    Fact("Target", r.Target),
                    Fact("Review in", $"{r.ReviewInDays} days"),
                },
            },
        };
        if (v.StopDoing.Length > 0)
        {
            body.Add(Text("Stop doing: " + string.Join("; ", v.StopDoing.Select(s => $"{s.ActivityId} ({s.Why})"))));
        }

        return Card(body, [Action("History", "checkin-history")]);
    }

    private static JsonObject HistoryCard(CheckInHistoryView v)
    {
        var body = new List<JsonNode> { Heading($"Last {v.WeekLabels.Length} weeks") };
        if (v.SnapshotCount == 0)
        {
            body.Add(Text("No history yet. Every interview and check-in adds a dated snapshot."));
            return Card(body, []);
        }

        body.Add(Text($"Weeks from {v.WeekLabels[0]} to {v.WeekLabels[^1]} ({v.TimeZoneId}). {CheckInTextBuilder.Legend}", subtle: true));
        var facts = new JsonArray();
        foreach (var stage in v.Stages)
        {
            facts.Add(Fact(FlywheelIds.Of(stage.Stage), CheckInTextBuilder.StatusRow(stage)));
        }

        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        if (v.MetricToWatch is { } metric)
        {
            body.Add(Text($"Metric to watch: {metric.Label}", weight: true));
            if (v.MetricValues.Any(x => x.HasValue))
            {
                var png = TrendChart.RenderPng(v.MetricValues);
                body.Add(new JsonObject
                {
                    ["type"] = "Image",
                    ["url"] = "data:image/png;base64," + Convert.ToBase64String(png),
                    ["altText"] = $"{metric.Label} by week: {CheckInTextBuilder.ValuesRow(v.MetricValues)}",
                    ["size"] = "Stretch",
                });
            }

            body.Add(Text(CheckInTextBuilder.ValuesRow(v.MetricValues), subtle: true));
        }

        return Card(body, [Action("Export CSV", "checkin-export")]);
    }

    private static JsonObject Export(CheckInExportView v)
    {
        var csv = v.Csv;
        var note = v.Truncated ? " (the newest rows that fit in a message; older rows are missing)" : string.Empty;
        return Card(
            [
                Heading($"History export: {v.Rows} rows{note}"),
                Text($"CSV ({v.FileName}); copy it into a spreadsheet.", subtle: true),
                new JsonObject { ["type"] = "TextBlock", ["text"] = csv, ["wrap"] = true, ["fontType"] = "Monospace", ["size"] = "Small" },
            ],
            []);
    }

    private static JsonObject Card(IEnumerable<JsonNode> body, IEnumerable<JsonNode> actions)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray([.. body]),
        };
        var list = new JsonArray([.. actions]);
        if (list.Count > 0)
        {
            card["actions"] = list;
        }

        return card;
    }

    private static JsonObject Heading(string text) =>
        new() { ["type"] = "TextBlock", ["text"] = text, ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true };

    private static JsonObject Text(string text, bool subtle = false, bool weight = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (weight)
        {
            block["weight"] = "Bolder";
        }

        return block;
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject Action(string title, string command, JsonObject? extra = null)
    {
        JsonObject Data()
        {
            var data = new JsonObject { ["cmd"] = command };
            foreach (var (k, value) in extra ?? [])
            {
                data[k] = value?.DeepClone();
            }

            return data;
        }

        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = command,
            ["data"] = Data(),
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = Data() },
        };
    }
}
