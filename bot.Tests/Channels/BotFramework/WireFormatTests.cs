using System.Text.Json;
using System.Text.Json.Nodes;
using FlywheelBot.Channels.BotFramework.Wire;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class WireFormatTests
{
    [Fact]
    public void Writing_omits_nulls_and_uses_camel_case()
    {
        var json = JsonSerializer.Serialize(
            new Activity { Type = "message", ReplyToId = "r", Conversation = new ConversationAccount { Id = "c" } },
            BotFrameworkJsonContext.Default.Activity);

        Assert.Equal("""{"type":"message","conversation":{"id":"c"},"replyToId":"r"}""", json);
    }

    [Fact]
    public void User_text_cannot_break_the_json()
    {
        const string hostile = "\"},\"type\":\"evil\",\"x\":{\"a\":\"</script>";
        var json = JsonSerializer.Serialize(new Activity { Type = "message", Text = hostile }, BotFrameworkJsonContext.Default.Activity);

        var parsed = JsonNode.Parse(json)!;
        Assert.Equal("message", (string?)parsed["type"]);
        Assert.Equal(hostile, (string?)parsed["text"]);
    }

    [Fact]
    public void Reading_keeps_varying_shapes_as_json_and_ignores_unknown_fields()
    {
        var activity = JsonSerializer.Deserialize(
            """{"type":"invoke","value":{"action":{"verb":"v"}},"channelData":{"tenant":{"id":"t"}},"entities":[{"type":"clientInfo"}],"newThing":[1]}""",
            BotFrameworkJsonContext.Default.Activity)!;

        Assert.Equal("v", activity.Value!.Value.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal("t", activity.ChannelData!.Value.GetProperty("tenant").GetProperty("id").GetString());
        Assert.Single(activity.Entities!);
    }
}
