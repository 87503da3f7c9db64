using System.Text.Json;
using FlywheelBot.Channels.BotFramework.Inbound;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class MentionStripperTests
{
    [Theory]
    [InlineData("<at>Flywheel</at> next step", "bot", "next step")]
    [InlineData("<at>@Flywheel</at> next step", "bot", "next step")]
    [InlineData("<at>Flywheel</at> ask <at>Grace</at> too", "bot", "ask <at>Grace</at> too")]
    [InlineData("<at>Flywheel</at> next step", "someone-else", "<at>Flywheel</at> next step")]
    [InlineData("<at>Flywheel</at> next step", null, "next step")]
    [InlineData("tell <at>Grace</at> the next step", null, "tell <at>Grace</at> the next step")]
    [InlineData("<at>FLYWHEEL</at>\u00a0 next   step ", "bot", "next step")]
    public void Only_the_bots_own_mention_is_removed(string text, string? recipientId, string expected)
    {
        var entities = Entities(
            """{"type":"mention","text":"<at>Flywheel</at>","mentioned":{"id":"bot","name":"Flywheel"}}""",
            """{"type":"mention","text":"<at>Grace</at>","mentioned":{"id":"29:grace","name":"Grace"}}""",
            """{"type":"clientInfo","timezone":"Europe/Berlin"}""");

        Assert.Equal(expected, MentionStripper.Strip(text, entities, recipientId));
    }

    [Fact]
    public void Text_without_entities_is_only_trimmed() => Assert.Equal("hi there", MentionStripper.Strip("  hi there ", null, "bot"));

    [Fact]
    public void Malformed_entities_are_ignored() =>
        Assert.Equal("<at>X</at> hi", MentionStripper.Strip("<at>X</at> hi", Entities("""{"type":"mention","mentioned":"X"}""", "42", """{"type":7}"""), "bot"));

    private static List<JsonElement> Entities(params string[] json) => [.. json.Select(j => JsonDocument.Parse(j).RootElement)];
}
