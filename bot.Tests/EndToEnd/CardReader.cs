using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace FlywheelBot.Tests.EndToEnd;

/// <summary>Reads what a user would see on the Adaptive Cards a reply carries: texts, fact values, and buttons.</summary>
internal static class CardReader
{
    /// <summary>The Adaptive Card attached to a reply activity.</summary>
    public static JsonObject Card(JsonNode reply)
    {
        var attachment = Assert.Single(reply["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        return attachment["content"]!.AsObject();
    }

    /// <summary>Every TextBlock text and fact (as "title: value") in body order.</summary>
    public static ImmutableArray<string> Texts(JsonObject card) => [.. Walk(card["body"])];

    public static bool Shows(JsonObject card, string text) =>
        Texts(card).Any(t => t.Contains(text, StringComparison.Ordinal));

    /// <summary>The button whose data runs <paramref name="command"/>.</summary>
    public static JsonObject Action(JsonObject card, string command) =>
        card["actions"]!.AsArray().Single(a => (string?)a!["data"]!["cmd"] == command)!.AsObject();

    /// <summary>The text right after <paramref name="label"/> in the card (the value of a labelled section).</summary>
    public static string After(JsonObject card, string label)
    {
        var texts = Texts(card);
        var at = texts.IndexOf(label);
        Assert.True(at >= 0 && at + 1 < texts.Length, $"no text after \"{label}\" in: {string.Join(" | ", texts)}");
        return texts[at + 1];
    }

    private static IEnumerable<string> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array.SelectMany(Walk))
                {
                    yield return item;
                }

                break;
            case JsonObject obj when (string?)obj["type"] == "TextBlock":
                yield return (string?)obj["text"] ?? string.Empty;
                break;
            case JsonObject obj when (string?)obj["type"] == "FactSet":
                foreach (var fact in obj["facts"]!.AsArray())
                {
                    yield return $"{(string?)fact!["title"]}: {(string?)fact["value"]}";
                }

                break;
            case JsonObject obj when obj["items"] is JsonArray items:
                foreach (var item in Walk(items))
                {
                    yield return item;
                }

                break;
            case JsonObject obj when (string?)obj["type"] == "Input.ChoiceSet":
                foreach (var choice in obj["choices"]!.AsArray())
                {
                    yield return (string?)choice!["title"] ?? string.Empty;
                }

                break;
        }
    }
}
