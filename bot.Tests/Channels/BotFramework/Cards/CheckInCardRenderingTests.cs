using System.Text;
using System.Text.Json.Nodes;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Tests.CheckIns;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Channels.BotFramework.Cards;

/// <summary>The check-in views (defined by the check-ins feature, see <see cref="CheckInCardTests.Samples"/>) as this channel draws them.</summary>
public sealed class CheckInCardRenderingTests
{
    [Theory]
    [MemberData(nameof(CheckInCardTests.ViewNames), MemberType = typeof(CheckInCardTests))]
    public void Every_check_in_view_renders_as_an_adaptive_card_1_5_under_40_kb(string name)
    {
        var card = Card(CheckInCardTests.Samples()[name]);
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

    [Fact]
    public void The_check_in_card_has_one_number_input_per_metric_named_for_the_answer_command()
    {
        var card = Card(CheckInCardTests.Samples()["prompt"]);
        var inputs = card["body"]!.AsArray().Where(e => (string?)e!["type"] == "Input.Number").ToList();
        Assert.Equal(["metric:monthly_visitors", "metric:activation_pct"], inputs.Select(i => (string?)i!["id"]));
        Assert.Equal("last: 5,400", (string?)inputs[0]!["placeholder"]);
        Assert.Contains(card["actions"]!.AsArray(), a => (string?)a!["verb"] == "checkin-answer");
    }

    [Fact]
    public void The_history_card_embeds_the_chart_as_a_png_data_uri()
    {
        var card = Card(CheckInCardTests.Samples()["history"]);
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
        var card = Card(CheckInCardTests.Samples()["history"]);
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
        var card = Card(CheckInCardTests.Samples()["history-goal"]);
        var image = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Image");

        Assert.Contains("Target 2. Lower is better.", (string?)image!["altText"], StringComparison.Ordinal);
        Assert.Contains(card["body"]!.AsArray(), e => ((string?)e!["text"])?.StartsWith("The wheel is gaining momentum", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void An_export_with_a_link_is_a_download_link_not_the_csv_text()
    {
        var card = Card(CheckInCardTests.Samples()["export-link"]);
        var json = card.ToJsonString();

        Assert.Contains("[Download flywheel-history-20260330.csv](https://bot.example/api/files/abc)", json, StringComparison.Ordinal);
        Assert.DoesNotContain("recorded_at_utc", json, StringComparison.Ordinal);
        Assert.True(CheckInTextBuilder.TryRender(CheckInCardTests.Samples()["export-link"], out var text));
        Assert.Contains("https://bot.example/api/files/abc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_setup_card_shows_the_zone_and_submits_day_time_and_zone_inputs()
    {
        var card = Card(CheckInCardTests.Samples()["setup"]);
        var ids = card["body"]!.AsArray().Select(e => (string?)e!["id"]).Where(id => id is not null);
        Assert.Equal(["day", "time", "zone"], ids);
        Assert.Contains("Europe/Berlin", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("checkin-subscribe", (string?)card["actions"]![0]!["verb"]);
    }

    private static JsonObject Card(ViewModel view) => CardCorpus.Renderer.Render(view);
}
