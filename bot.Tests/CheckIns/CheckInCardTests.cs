using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Flywheel;
using FlywheelBot.Tests.Channels.BotFramework.Cards;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.CheckIns;

public sealed class CheckInCardTests
{
    public static TheoryData<string> ViewNames => new(Samples().Keys);

    /// <summary>One of each check-in view, with awkward user text where text can come from users.</summary>
    public static ImmutableDictionary<string, ViewModel> Samples()
    {
        var schedule = new WeeklySchedule(DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Berlin");
        var recommendation = new Recommendation("webinars", "Webinars \"with\" peers", "Because {\"json\": true}", "Invite one customer", "inbound_conversations", "3 per session", 45);
        return new Dictionary<string, ViewModel>
        {
            ["prompt"] = new CheckInPromptView("2026-W14", "Europe/Berlin", false,
                [new("monthly_visitors", "Website visitors per month", "per month", 5400m), new("activation_pct", "Activation rate", "%", null)], "awareness", "monthly_visitors"),
            ["reminder-without-profile"] = new CheckInPromptView("2026-W14", "UTC", true, [], null, null),
            ["status"] = new CheckInStatusView("Weekly check-in set: every Monday at 09:00 (Europe/Berlin).", schedule, CheckInState.Active, new DateTime(2026, 3, 30, 9, 0, 0), null, true),
            ["status-paused"] = new CheckInStatusView("Check-ins paused.", schedule, CheckInState.Paused, null, "the bot was removed", false),
            ["setup"] = new CheckInSetupView(DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Berlin", "from your Teams client"),
            ["result"] = new CheckInResultView(["Monthly visitors +18 % (800 -> 944)", "awareness now healthy", "next bottleneck: engagement"],
                StageId.Engagement, false, recommendation, [new StopDoing("lead-qualification", "no leads to qualify")]),
            ["history"] = new CheckInHistoryView("Europe/Berlin", [.. Enumerable.Range(0, 8).Select(i => $"{i + 1} Mar")],
                [.. Enum.GetValues<StageId>().Select(s => new StageTrend(s, [null, StageStatus.Weak, StageStatus.Weak, null, StageStatus.Healthy, StageStatus.Healthy, StageStatus.Unknown, StageStatus.Healthy]))],
                new CheckInMetric("monthly_visitors", "Website visitors per month", "per month"), [null, 900m, 1000m, null, 1200m, 1300m, 1250m, 1500m], 12),
            ["history-empty"] = new CheckInHistoryView("UTC", [.. Enumerable.Range(0, 8).Select(i => $"{i + 1} Mar")], [], null, [], 0),
            ["export"] = new CheckInExportView("flywheel-history-20260330.csv", "recorded_at_utc,source\r\n2026-03-30T07:00:00Z,\"a \"\"b\"\"\"\r\n", 1, false),
            ["export-link"] = new CheckInExportView("flywheel-history-20260330.csv", "recorded_at_utc,source\r\n", 1, false)
            {
                Link = new Uri("https://bot.example/api/files/abc"),
                LinkExpiresAt = new DateTimeOffset(2026, 3, 31, 7, 0, 0, TimeSpan.Zero),
            },
            ["history-goal"] = new CheckInHistoryView("Europe/Berlin", [.. Enumerable.Range(0, 8).Select(i => $"{i + 1} Mar")],
                [.. Enum.GetValues<StageId>().Select(s => new StageTrend(s, [StageStatus.Weak, StageStatus.Weak, StageStatus.Weak, StageStatus.Weak, StageStatus.Weak, StageStatus.Weak, StageStatus.Weak, StageStatus.Healthy]))],
                new CheckInMetric("monthly_churn_pct", "Monthly churn (%)", "%"), [6m, 5.5m, 5m, 4.5m, 4m, 3.5m, 3m, 2.5m], 8)
            {
                Target = 2m,
                LowerIsBetter = true,
                Momentum = "The wheel is gaining momentum: Monthly churn (%) improved 7 weeks in a row.",
            },
            ["notice"] = new CheckInNoticeView("I don't know the time zone \"</script>\"."),
        }.ToImmutableDictionary();
    }

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void Every_check_in_view_renders_as_an_adaptive_card_1_5_under_40_kb(string name)
    {
        var card = Card(Samples()[name]);
        var json = card.ToJsonString();

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.InRange(Encoding.UTF8.GetByteCount(json), 100, 40_000);
        Assert.NotNull(JsonNode.Parse(json)); // user text never breaks the JSON
        foreach (var action in card["actions"]?.AsArray() ?? [])
        {
            if ((string?)action!["type"] == "Action.Submit")
            {
                // Only the history's export starts something new (a message of its own) instead of replacing the card.
                Assert.StartsWith("history", name, StringComparison.Ordinal);
                Assert.Equal("checkin-export", (string?)action["data"]!["cmd"]);
                continue;
            }

            Assert.Equal("Action.Execute", (string?)action!["type"]);
            Assert.Equal((string?)action["verb"], (string?)action["data"]!["cmd"]);
            Assert.Equal("Action.Submit", (string?)action["fallback"]!["type"]);
            Assert.Equal((string?)action["verb"], (string?)action["fallback"]!["data"]!["cmd"]);
        }
    }

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void Every_check_in_view_has_a_text_form(string name)
    {
        Assert.True(CheckInTextBuilder.TryRender(Samples()[name], out var text));
        Assert.False(string.IsNullOrWhiteSpace(text));
    }

    [Fact]
    public void The_check_in_card_has_one_number_input_per_metric_named_for_the_answer_command()
    {
        var card = Card(Samples()["prompt"]);
        var inputs = card["body"]!.AsArray().Where(e => (string?)e!["type"] == "Input.Number").ToList();
        Assert.Equal(["metric:monthly_visitors", "metric:activation_pct"], inputs.Select(i => (string?)i!["id"]));
        Assert.Equal("last: 5,400", (string?)inputs[0]!["placeholder"]);
        Assert.Contains(card["actions"]!.AsArray(), a => (string?)a!["verb"] == "checkin-answer");
    }

    [Fact]
    public void The_history_card_embeds_the_chart_as_a_png_data_uri()
    {
        var card = Card(Samples()["history"]);
        var image = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Image");
        var url = (string)image!["url"]!;
        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        var png = Convert.FromBase64String(url["data:image/png;base64,".Length..]);
        Assert.Equal(0x89, png[0]);
        Assert.False(string.IsNullOrWhiteSpace((string?)image["altText"]));
    }

    [Fact]
    public void The_history_card_shows_statuses_with_symbols_markdown_leaves_alone()
    {
        var card = Card(Samples()["history"]);
        var json = card.ToJsonString();
        var facts = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray();

        Assert.All(facts, f => Assert.Matches(@"^[✓!✗?·]( [✓!✗?·]){7}$", (string)f!["value"]!));
        Assert.Equal("· ✗ ✗ · ✓ ✓ ? ✓", (string?)facts[0]!["value"]);
        var values = card["body"]!.AsArray().Select(e => (string?)e!["text"]).First(t => t is not null && t.Contains('·', StringComparison.Ordinal) && t.Contains("900", StringComparison.Ordinal));
        Assert.Equal("— · 900 · 1,000 · — · 1,200 · 1,300 · 1,250 · 1,500", values);
        Assert.DoesNotContain("\"+ ", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"- ", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_history_chart_has_the_target_and_lower_is_better_and_the_momentum_line()
    {
        var card = Card(Samples()["history-goal"]);
        var image = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Image");

        Assert.Contains("Target 2. Lower is better.", (string?)image!["altText"], StringComparison.Ordinal);
        Assert.Contains(card["body"]!.AsArray(), e => ((string?)e!["text"])?.StartsWith("The wheel is gaining momentum", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void An_export_with_a_link_is_a_download_link_not_the_csv_text()
    {
        var card = Card(Samples()["export-link"]);
        var json = card.ToJsonString();

        Assert.Contains("[Download flywheel-history-20260330.csv](https://bot.example/api/files/abc)", json, StringComparison.Ordinal);
        Assert.DoesNotContain("recorded_at_utc", json, StringComparison.Ordinal);
        Assert.True(CheckInTextBuilder.TryRender(Samples()["export-link"], out var text));
        Assert.Contains("https://bot.example/api/files/abc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_setup_card_shows_the_zone_and_submits_day_time_and_zone_inputs()
    {
        var card = Card(Samples()["setup"]);
        var ids = card["body"]!.AsArray().Select(e => (string?)e!["id"]).Where(id => id is not null);
        Assert.Equal(["day", "time", "zone"], ids);
        Assert.Contains("Europe/Berlin", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("checkin-subscribe", (string?)card["actions"]![0]!["verb"]);
    }

    [Fact]
    public void Views_of_other_features_are_left_to_their_renderers()
    {
        Assert.False(CheckInTextBuilder.TryRender(new OtherView(), out _));
    }

    /// <summary>The check-in view as the Bot Framework channel draws it (the check-ins feature only defines the view).</summary>
    private static JsonObject Card(ViewModel view) => CardCorpus.Renderer.Render(view);

    private sealed record OtherView : ViewModel;
}
