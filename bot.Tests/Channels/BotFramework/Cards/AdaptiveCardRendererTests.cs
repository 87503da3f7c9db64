using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlywheelBot.Channels.BotFramework.Cards;
using FlywheelBot.Tests.Views;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Channels.BotFramework.Cards;

public sealed class AdaptiveCardRendererTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in SampleViews.All)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_card_written_straight_to_UTF8_for_replies_equals_the_rendered_card(string kind)
    {
        // Replies send RenderUtf8 (no JSON object in between); golden files and validators see Render: they must agree.
        var view = SampleViews.All.Single(s => s.Name == kind).View;
        var text = new PlainTextRenderer().Render(view);

        var wire = JsonNode.Parse(CardCorpus.Renderer.RenderUtf8(view, text));

        Assert.True(JsonNode.DeepEquals(CardCorpus.Renderer.Render(view), wire), wire?.ToJsonString());
    }

    [Fact]
    public void A_view_of_another_feature_is_a_card_with_its_plain_text()
    {
        // Features define views and their plain text; a view this channel draws no card for still reaches Teams.
        var renderer = new AdaptiveCardRenderer(new PlainTextRenderer([new OtherFeatureText()]));

        var card = renderer.Render(new OtherFeatureView("hi"));

        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("other: hi", (string?)card["body"]![0]!["text"]);
        Assert.Equal("other: hi", (string?)card["fallbackText"]);
        Assert.Empty(card["actions"]?.AsArray() ?? []);
    }

    [Fact]
    public void A_renderer_without_its_own_fallback_text_gets_the_plain_text_on_the_wire()
    {
        ICardRenderer bare = new NoFallbackRenderer();

        var wire = JsonNode.Parse(bare.RenderUtf8(SampleViews.ChoiceQuestion, "the plain text"))!;

        Assert.Equal("the plain text", (string?)wire["fallbackText"]);
        Assert.Equal("AdaptiveCard", (string?)wire["type"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_card_kind_matches_its_golden_file(string kind)
    {
        var view = SampleViews.All.Single(s => s.Name == kind).View;
        var card = CardCorpus.Render(view, $"golden-{kind}");
        GoldenFile.Verify(kind, card.ToJsonString(Indented));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_card_is_version_1_5_under_40_KB_with_at_most_one_primary_action(string kind)
    {
        var card = CardCorpus.Render(SampleViews.All.Single(s => s.Name == kind).View, $"shape-{kind}");

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) < 40 * 1024);
        var actions = card["actions"]!.AsArray();
        Assert.True(actions.Count(a => (string?)a!["style"] == "positive") <= 1);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_text_has_a_hard_coded_colour(string kind)
    {
        var json = CardCorpus.Render(SampleViews.All.Single(s => s.Name == kind).View, $"colour-{kind}").ToJsonString();
        Assert.DoesNotContain("#", json.Replace("\"$schema\":\"http://adaptivecards.io/schemas/adaptive-card.json\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\"color\":\"Dark\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"color\":\"Light\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_buttons_are_Execute_actions_with_a_Submit_fallback_carrying_the_same_flat_data()
    {
        var card = CardCorpus.Render(SampleViews.ChoiceQuestion, "actions");

        foreach (var action in card["actions"]!.AsArray())
        {
            Assert.Equal("Action.Execute", (string?)action!["type"]);
            var data = action["data"]!.AsObject();
            Assert.Equal((string?)data["cmd"], (string?)action["verb"]);
            Assert.All(data, pair => Assert.Equal(JsonValueKind.String, pair.Value!.GetValueKind()));
            var fallback = action["fallback"]!.AsObject();
            Assert.Equal("Action.Submit", (string?)fallback["type"]);
            Assert.True(JsonNode.DeepEquals(data, fallback["data"]));
        }

        var next = card["actions"]![0]!;
        Assert.Equal("positive", (string?)next["style"]);
        Assert.Equal("answer", (string?)next["data"]!["cmd"]);
        Assert.Equal("audience", (string?)next["data"]!["q"]);
    }

    [Theory]
    [InlineData("question-choice", "answer", "Action.Execute")]
    [InlineData("question-choice", "skip", "Action.Execute")]
    [InlineData("question-number-reask", "back", "Action.Submit")]
    [InlineData("tour-stage", "quiz", "Action.Execute")]
    [InlineData("tour-stage", "cancel", "Action.Submit")]
    [InlineData("welcome", "start", "Action.Submit")]
    [InlineData("welcome", "learn", "Action.Submit")]
    [InlineData("recommendation", "why", "Action.Submit")]
    [InlineData("recommendation", "restart", "Action.Submit")]
    [InlineData("stage-walk", "advice", "Action.Submit")]
    [InlineData("help", "start", "Action.Submit")]
    [InlineData("tour-answer", "learn", "Action.Submit")]
    [InlineData("tour-answer", "start", "Action.Submit")]
    [InlineData("notice", "start", "Action.Submit")]
    public void Buttons_that_answer_the_card_update_it_in_place_and_the_rest_post_a_new_message(string kind, string command, string type)
    {
        var card = CardCorpus.Render(SampleViews.All.Single(s => s.Name == kind).View, $"action-type-{kind}");

        var action = card["actions"]!.AsArray().Single(a => (string?)a!["data"]!["cmd"] == command)!;

        Assert.Equal(type, (string?)action["type"]);
        if (type == "Action.Submit")
        {
            Assert.Null(action["verb"]);
            Assert.Null(action["fallback"]);
        }
    }

    [Fact]
    public void A_question_card_has_an_input_with_the_value_id()
    {
        var choice = CardCorpus.Render(SampleViews.ChoiceQuestion, "input-choice");
        var number = CardCorpus.Render(SampleViews.NumberReAsk, "input-number");

        Assert.Contains(choice["body"]!.AsArray(), e => (string?)e!["type"] == "Input.ChoiceSet" && (string?)e["id"] == ViewData.Value);
        Assert.Contains(number["body"]!.AsArray(), e => (string?)e!["type"] == "Input.Number" && (string?)e["id"] == ViewData.Value);
    }

    [Theory]
    [InlineData("\"}]}, {\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"")]
    [InlineData("line one\nline two\r\n{{name}} ${value}")]
    [InlineData("<at>FlywheelBot</at> </at> <script>alert(1)</script>")]
    [InlineData("\\u0022 \\\" ' ` \u0000 \u2028")]
    public void User_text_cannot_break_or_inject_into_the_card(string hostile)
    {
        var views = new ViewModel[]
        {
            SampleViews.NumberReAsk with { Problem = $"I could not read \"{hostile}\" as a number." },
            new AnsweredView(hostile, hostile),
            NoticeView.Say(hostile),
            SampleViews.Recommendation with { ActivityTitle = hostile, Assumptions = [hostile], StopDoing = [new StopItem(hostile, hostile)] },
        };

        foreach (var view in views)
        {
            var card = CardCorpus.Render(view, "hostile");
            var reparsed = JsonNode.Parse(card.ToJsonString())!.AsObject();

            Assert.True(JsonNode.DeepEquals(card, reparsed));
            Assert.Equal(card["actions"]!.AsArray().Count, reparsed["actions"]!.AsArray().Count);
            Assert.DoesNotContain("Action.OpenUrl", reparsed["actions"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains(AllText(reparsed), text => text.Contains(hostile, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_huge_recommendation_still_fits_in_40_KB_or_the_test_says_by_how_much()
    {
        var long200 = new string('x', 200);
        var view = SampleViews.Recommendation with
        {
            StopDoing = [.. Enumerable.Range(0, 11).Select(i => new StopItem($"Activity {i}", long200))],
            Assumptions = [.. Enumerable.Range(0, 10).Select(i => $"Metric {i}: {long200}")],
        };

        var size = Encoding.UTF8.GetByteCount(CardCorpus.Render(view, "large").ToJsonString());

        Assert.True(size < 40 * 1024, $"card is {size} bytes");
    }

    private static ImmutableArray<string> AllText(JsonNode node) => node switch
    {
        JsonObject o => [.. o.SelectMany(p => p.Value is null ? [] : AllText(p.Value))],
        JsonArray a => [.. a.SelectMany(n => n is null ? [] : AllText(n))],
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };

    private sealed class NoFallbackRenderer : ICardRenderer
    {
        public JsonObject Render(ViewModel view) => new() { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() };
    }

    private sealed record OtherFeatureView(string Text) : ViewModel;

    private sealed class OtherFeatureText : ITextContributor
    {
        public bool TryRender(ViewModel view, out string text)
        {
            text = view is OtherFeatureView v ? $"other: {v.Text}" : null!;
            return text is not null;
        }
    }
}
