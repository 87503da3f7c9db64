using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlywheelBot.Channels.Slack.BlockKit;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Tests.Channels.Slack.Support;
using FlywheelBot.Tests.CheckIns;
using FlywheelBot.Tests.Views;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Channels.Slack;

public sealed class BlockKitRendererTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static BlockKitRenderer Renderer(FixedServedFiles? files = null) =>
        new(new PlainTextRenderer([new CheckInTextContributor()]), files ?? new FixedServedFiles());

    public static TheoryData<string> SampleNames => new(SampleViews.All.Select(s => s.Name));

    public static TheoryData<string> CheckInNames => new(CheckInCardTests.Samples().Keys);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Every_view_renders_as_its_golden_block_kit_message(string name)
    {
        var view = SampleViews.All.Single(s => s.Name == name).View;
        var message = await Renderer().RenderAsync(view, CancellationToken.None);
        SlackBlockCorpus.Record($"sample-{name}", message);

        GoldenFile.Verify($"slack-{name}", new JsonObject { ["text"] = message.Text, ["blocks"] = message.Blocks.DeepClone() }.ToJsonString(Indented));
    }

    [Theory]
    [MemberData(nameof(CheckInNames))]
    public async Task Every_check_in_view_renders_with_text_and_its_buttons(string name)
    {
        var view = CheckInCardTests.Samples()[name];
        var message = await Renderer().RenderAsync(view, CancellationToken.None);
        SlackBlockCorpus.Record($"checkin-{name}", message);

        Assert.False(string.IsNullOrWhiteSpace(message.Text));
        var buttons = Buttons(message).Select(b => (string)b["text"]!["text"]!).ToList();
        Assert.Equal(BlockKitRenderer.ButtonsFor(view).Select(a => a.Title), buttons);
    }

    [Fact]
    public async Task An_export_with_a_link_is_a_download_button_and_without_one_the_csv_as_preformatted_text()
    {
        var linked = await Renderer().RenderAsync(CheckInCardTests.Samples()["export-link"], CancellationToken.None);
        var button = linked.Blocks.Select(b => b!["accessory"]).Single(a => a is not null)!;
        Assert.Equal("https://bot.example/api/files/abc", (string?)button["url"]);
        Assert.Equal("Download flywheel-history-20260330.csv", (string?)button["text"]!["text"]);
        Assert.Contains("31 Mar 2026 07:00 UTC", linked.Blocks.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("recorded_at_utc", linked.Blocks.ToJsonString(), StringComparison.Ordinal);

        var inline = await Renderer().RenderAsync(CheckInCardTests.Samples()["export"], CancellationToken.None);
        Assert.DoesNotContain(inline.Blocks, b => b!["accessory"] is not null);
        var code = MarkdownTexts(inline.Blocks).Single(t => t.StartsWith("```", StringComparison.Ordinal));
        Assert.Equal("```recorded_at_utc,source\r\n2026-03-30T07:00:00Z,\"a \"\"b\"\"\"```", code);
    }

    [Fact]
    public async Task The_trend_chart_is_a_served_png_in_an_image_block_with_the_values_as_alt_text()
    {
        var files = new FixedServedFiles();
        var message = await Renderer(files).RenderAsync(CheckInCardTests.Samples()["history"], CancellationToken.None);

        var image = message.Blocks.Single(b => (string?)b!["type"] == "image")!;
        Assert.Equal("https://bot.example/api/files/file-1", (string?)image["image_url"]);
        Assert.Contains("8 Mar: 1,500", (string?)image["alt_text"], StringComparison.Ordinal);
        var (type, png) = Assert.Single(files.Published);
        Assert.Equal("image/png", type);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task The_history_s_own_chart_is_the_picture_Slack_serves()
    {
        var files = new FixedServedFiles();
        var chart = new FlywheelBot.Views.Images.RenderedImage([0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3], 640, 300, "Visitors by week: 1 Mar: 900.");
        var view = (CheckInHistoryView)CheckInCardTests.Samples()["history"] with { Chart = chart };

        var message = await Renderer(files).RenderAsync(view, CancellationToken.None);

        var image = message.Blocks.Single(b => (string?)b!["type"] == "image")!;
        Assert.Equal(chart.AltText, (string?)image["alt_text"]);
        Assert.Equal(chart.Png, Assert.Single(files.Published).Content);
    }

    [Fact]
    public async Task The_flywheel_picture_of_a_stage_walk_is_a_served_png_in_an_image_block_and_App_Home_shows_it()
    {
        var files = new FixedServedFiles();
        var renderer = Renderer(files);
        var walk = (StageWalkView)SampleViews.All.Single(s => s.Name == "stage-walk-wheel").View;
        var message = await renderer.RenderAsync(walk, CancellationToken.None);

        var image = message.Blocks.Single(b => (string?)b!["type"] == "image")!;
        Assert.Equal("https://bot.example/api/files/file-1", (string?)image["image_url"]);
        Assert.Equal(walk.Wheel!.AltText, (string?)image["alt_text"]);
        var (type, png) = Assert.Single(files.Published);
        Assert.Equal("image/png", type);
        Assert.Equal(walk.Wheel.Png, png);

        var withoutWheel = await Renderer(files).RenderAsync(walk with { Wheel = null }, CancellationToken.None);
        Assert.DoesNotContain(withoutWheel.Blocks, b => (string?)b!["type"] == "image");

        var home = HomeTab.Build(null, walk, await renderer.WheelImage(walk, CancellationToken.None));
        var blocks = home["blocks"]!.AsArray();
        var header = blocks.Select((b, i) => (b, i)).Single(x => (string?)x.b!["type"] == "header" && (string?)x.b!["text"]!["text"] == "Your flywheel").i;
        Assert.Equal("image", (string?)blocks[header + 1]!["type"]);
    }

    [Fact]
    public async Task A_choice_question_answers_by_its_buttons_and_a_number_question_by_its_field()
    {
        var choice = await Renderer().RenderAsync(SampleViews.ChoiceQuestion, CancellationToken.None);
        var sdm = Buttons(choice).First(b => (string)b["text"]!["text"]! == "Senior decision-makers");
        Assert.True(SlackActionIds.AnswersMessage((string)sdm["action_id"]!));
        Assert.True(SlackActionIds.TryRead((string)sdm["action_id"]!, null, (string)sdm["value"]!, out var values));
        Assert.Equal("answer", values[ViewData.Command]);
        Assert.Equal("audience", values[ViewData.Question]);
        Assert.Equal("sdm", values[ViewData.Value]);

        var number = await Renderer().RenderAsync(SampleViews.NumberReAsk, CancellationToken.None);
        var input = number.Blocks.Single(b => (string?)b!["type"] == "input")!;
        Assert.True((bool)input["dispatch_action"]!);
        Assert.Equal("number_input", (string?)input["element"]!["type"]);
        Assert.True(SlackActionIds.TryRead(SlackActionIds.AnswerInput, (string)input["block_id"]!, "1200", out var typed));
        Assert.Equal("monthly_visitors", typed[ViewData.Question]);
        Assert.Equal("1200", typed[ViewData.Value]);
    }

    [Fact]
    public async Task User_text_cannot_mention_link_or_break_the_json()
    {
        foreach (var hostile in SampleViews.Hostile.Append("<!channel> <@U123> <https://evil.example|click> *bold* & done"))
        {
            foreach (var view in new ViewModel[] { NoticeView.Say(hostile), new AnsweredView(hostile, hostile), SampleViews.Recommendation with { ActivityTitle = hostile, Assumptions = [hostile] } })
            {
                var message = await Renderer().RenderAsync(view, CancellationToken.None);
                SlackBlockCorpus.Record("hostile", message);
                var json = message.Blocks.ToJsonString();
                Assert.NotNull(JsonNode.Parse(json));
                foreach (var text in MarkdownTexts(message.Blocks))
                {
                    Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("<@U123>", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("<https://evil.example", text, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task Long_text_and_many_blocks_are_cut_to_slacks_limits()
    {
        var huge = new string('x', 10_000);
        var walk = new StageWalkView([.. Enumerable.Range(1, 80).Select(i => new StageLine(i, $"Stage {i}", FlywheelBot.Flywheel.StageStatus.Weak, false, [huge]))], huge);
        var message = await Renderer().RenderAsync(walk, CancellationToken.None);
        SlackBlockCorpus.Record("limits", message);

        Assert.Equal(BlockKitLimits.MessageBlocks, message.Blocks.Count);
        Assert.Equal("actions", (string?)message.Blocks[^1]!["type"]);
        Assert.All(SlackLimits.Problems("limits", new JsonObject { ["text"] = message.Text, ["blocks"] = message.Blocks.DeepClone() }), Assert.Fail);
    }

    private static IEnumerable<JsonObject> Buttons(SlackMessage message) =>
        message.Blocks.Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!.AsObject());

    private static IEnumerable<string> MarkdownTexts(JsonNode node) => node switch
    {
        JsonObject o when (string?)o["type"] == "mrkdwn" => [(string)o["text"]!],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : MarkdownTexts(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : MarkdownTexts(n)),
        _ => [],
    };

    internal static ImmutableArray<string> Texts(JsonNode node) => [.. MarkdownTexts(node)];
}
