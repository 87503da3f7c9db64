using System.Text;
using System.Text.Json.Nodes;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Goals;
using FlywheelBot.Tests.CheckIns;
using FlywheelBot.Tests.Flywheel;
using FlywheelBot.Views;
using FlywheelBot.Views.Images;
using Xunit.Abstractions;

namespace FlywheelBot.Tests.Channels.BotFramework.Cards;

/// <summary>
/// Pictures reach the Bot Framework channel as PNG bytes plus alt text; the channel embeds them in the card. The real
/// pictures are measured here: the card with its picture inside must stay under the 40 KB every card is held to.
/// </summary>
public sealed class CardPictureTests(ITestOutputHelper output)
{
    private const int CardLimit = 40_000;

    [Fact]
    public void The_flywheel_picture_is_embedded_in_the_why_this_card_and_the_card_stays_under_the_limit()
    {
        var diagnosis = Given.Diagnose(Audience.Sdm, MarketAwareness.Emerging, "monthly_visitors=2400 inbound_conversations=6 leads=8 visitor_to_lead_pct=0.4");
        var walk = new AdviceViews(new PlaybookGuide(Given.Engine)).StageWalk(diagnosis, new FlywheelGoal("leads", 50, new DateOnly(2027, 3, 31), Baseline: 8), new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var wheel = Assert.IsType<RenderedImage>(walk.Wheel);

        var (card, image) = Rendered(walk);

        Assert.Equal(wheel.Png, image.Png);
        Assert.Equal(wheel.AltText, image.AltText);
        Measure("why this", card, wheel);
    }

    [Fact]
    public void The_trend_chart_is_embedded_in_the_history_card_and_the_card_stays_under_the_limit()
    {
        var sample = (FlywheelBot.CheckIns.Views.CheckInHistoryView)CheckInCardTests.Samples()["history-goal"];
        var metric = sample.MetricToWatch!;
        var chart = TrendChartImage.Render(new TrendPicture(metric.Label, sample.WeekLabels, sample.MetricValues, sample.Target, sample.LowerIsBetter, v => $"{v} %"));
        var history = sample with { Chart = chart };

        var (card, image) = Rendered(history);

        Assert.Equal(chart.Png, image.Png);
        Assert.Equal(chart.AltText, image.AltText);
        Measure("history", card, chart);
    }

    [Fact]
    public void A_history_view_without_its_chart_still_gets_one_drawn_from_its_values()
    {
        var (_, image) = Rendered(CheckInCardTests.Samples()["history"]);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image.Png[..4]);
        Assert.Contains("Website visitors per month", image.AltText, StringComparison.Ordinal);
    }

    private static (JsonObject Card, (byte[] Png, string AltText) Image) Rendered(ViewModel view)
    {
        var card = CardCorpus.Render(view, "picture");
        var element = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Image")!;
        var url = (string)element["url"]!;
        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        return (card, (Convert.FromBase64String(url["data:image/png;base64,".Length..]), (string)element["altText"]!));
    }

    private void Measure(string name, JsonObject card, RenderedImage picture)
    {
        var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString());
        var withoutPicture = bytes - ("data:image/png;base64,".Length + Convert.ToBase64String(picture.Png).Length);
        output.WriteLine($"{name}: PNG {picture.Png.Length} bytes, card {bytes} bytes with the picture embedded, {withoutPicture} bytes without it");
        Assert.True(bytes < CardLimit, $"the {name} card is {bytes} bytes with its picture ({picture.Png.Length} bytes of PNG)");
    }
}
