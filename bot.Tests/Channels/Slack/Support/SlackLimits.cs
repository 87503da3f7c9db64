using System.Text.Json.Nodes;

namespace FlywheelBot.Tests.Channels.Slack.Support;

/// <summary>
/// Slack's Block Kit limits written as the tests' own check (from @slack/types' documentation comments and Slack's
/// reference, see ../shared/SLACK.md): the type check proves shapes, this proves sizes.
/// </summary>
internal static class SlackLimits
{
    public static IReadOnlyList<string> Problems(string name, JsonObject payload)
    {
        var problems = new List<string>();
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                problems.Add($"{name}: {what}");
            }
        }

        var isView = payload["type"] is not null && payload["blocks"] is not null && payload["text"] is null;
        var blocks = payload["blocks"]?.AsArray() ?? [];
        Check(blocks.Count <= (isView ? 100 : 50), $"{blocks.Count} blocks");
        if (!isView)
        {
            Check(!string.IsNullOrWhiteSpace((string?)payload["text"]), "a message without text for notifications");
        }
        else
        {
            foreach (var key in new[] { "title", "submit", "close" })
            {
                Check(Length(payload[key]?["text"]) <= 24, $"view {key} over 24 characters");
            }

            Check(Length(payload["private_metadata"]) <= 3000, "private_metadata over 3000");
            Check(Length(payload["callback_id"]) <= 255, "callback_id over 255");
        }

        Walk(blocks, Check);
        return problems;
    }

    private static void Walk(JsonNode? node, Action<bool, string> check)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, check);
                }

                break;
            case JsonObject o:
                var type = (string?)o["type"];
                check(Length(o["block_id"]) <= 255, $"block_id over 255: {o["block_id"]}");
                check(Length(o["action_id"]) <= 255, $"action_id over 255: {o["action_id"]}");
                switch (type)
                {
                    case "section":
                        check(Length(o["text"]?["text"]) <= 3000, "section text over 3000");
                        check((o["fields"]?.AsArray().Count ?? 0) <= 10, "more than 10 fields");
                        foreach (var field in o["fields"]?.AsArray() ?? [])
                        {
                            check(Length(field?["text"]) <= 2000, "field over 2000");
                        }

                        break;
                    case "header":
                        check(Length(o["text"]?["text"]) <= 150, "header over 150");
                        break;
                    case "context":
                        check(o["elements"]!.AsArray().Count <= 10, "context with more than 10 elements");
                        break;
                    case "actions":
                        check(o["elements"]!.AsArray().Count <= 25, "actions with more than 25 elements");
                        break;
                    case "button":
                        check(Length(o["text"]?["text"]) <= 75, $"button text over 75: {o["text"]?["text"]}");
                        check(Length(o["value"]) <= 2000, "button value over 2000");
                        check(Length(o["url"]) <= 3000, "button url over 3000");
                        break;
                    case "image":
                        check(Length(o["alt_text"]) <= 2000, "image alt_text over 2000");
                        break;
                    case "input":
                        check(Length(o["label"]?["text"]) <= 2000, "input label over 2000");
                        check(Length(o["hint"]?["text"]) <= 2000, "input hint over 2000");
                        break;
                }

                foreach (var (_, child) in o)
                {
                    Walk(child, check);
                }

                break;
        }
    }

    private static int Length(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s.Length : 0;
}
