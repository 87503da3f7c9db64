using System.Text.Json.Nodes;

namespace FlywheelBot.Channels.Slack.BlockKit;

/// <summary>
/// Typed builders for the Block Kit elements the bot uses. Text goes in as values of JSON nodes (never spliced into JSON
/// text), mrkdwn is escaped (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>) so user text cannot mention, link or format, and every
/// length is cut to Slack's limits (<see cref="BlockKitLimits"/>).
/// </summary>
internal static class Bk
{
    /// <summary>Escapes the three characters Slack's mrkdwn gives meaning to (mentions, links, entities).</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static JsonObject Plain(string text, int max) => new() { ["type"] = "plain_text", ["text"] = BlockKitLimits.Cut(text.Length == 0 ? " " : text, max), ["emoji"] = true };

    /// <summary>mrkdwn text; <paramref name="markup"/> is already escaped and may hold *bold* around escaped parts.</summary>
    public static JsonObject Markdown(string markup, int max = BlockKitLimits.SectionText) => new() { ["type"] = "mrkdwn", ["text"] = BlockKitLimits.Cut(markup, max) };

    public static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = Plain(text, BlockKitLimits.HeaderText) };

    /// <summary>A section of escaped plain text, with an optional bold lead (<c>*Lead*</c> then the text on the next line).</summary>
    public static JsonObject Section(string text, string? bold = null) => new()
    {
        ["type"] = "section",
        ["text"] = Markdown(bold is null ? Escape(text) : $"*{Escape(bold)}*\n{Escape(text)}"),
    };

    public static JsonObject Bullets(string title, IEnumerable<string> items) => new()
    {
        ["type"] = "section",
        ["text"] = Markdown($"*{Escape(title)}*\n" + string.Join("\n", items.Select(i => $"• {Escape(i)}"))),
    };

    public static JsonObject Context(params string[] texts) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(texts.Take(BlockKitLimits.ContextElements).Select(t => (JsonNode)Markdown(Escape(t))).ToArray()),
    };

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static JsonObject Image(Uri url, string altText, string? title = null)
    {
        var image = new JsonObject { ["type"] = "image", ["image_url"] = url.AbsoluteUri, ["alt_text"] = BlockKitLimits.Cut(altText, BlockKitLimits.AltText) };
        if (title is not null)
        {
            image["title"] = Plain(title, 2000);
        }

        return image;
    }

    public static JsonObject Button(string text, string actionId, string value, bool primary)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = Plain(text, BlockKitLimits.ButtonText),
            ["action_id"] = BlockKitLimits.Cut(actionId, BlockKitLimits.Id),
            ["value"] = BlockKitLimits.Cut(value, BlockKitLimits.ButtonValue),
        };
        if (primary)
        {
            button["style"] = "primary";
        }

        return button;
    }

    /// <summary>A menu where several options may be picked (<c>multi_static_select</c>); what is picked travels in the message's state.</summary>
    public static JsonObject MultiSelect(string actionId, string placeholder, IEnumerable<(string Text, string Value)> options) => new()
    {
        ["type"] = "multi_static_select",
        ["action_id"] = BlockKitLimits.Cut(actionId, BlockKitLimits.Id),
        ["placeholder"] = Plain(placeholder, BlockKitLimits.Placeholder),
        ["options"] = new JsonArray([.. options.Take(BlockKitLimits.SelectOptions).Select(o => (JsonNode)new JsonObject
        {
            ["text"] = Plain(o.Text, BlockKitLimits.OptionText),
            ["value"] = BlockKitLimits.Cut(o.Value, BlockKitLimits.OptionValue),
        })]),
    };

    public static JsonObject Actions(string? blockId, IEnumerable<JsonObject> elements)
    {
        var block = new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(elements.Take(BlockKitLimits.ActionsElements).Select(e => (JsonNode)e).ToArray()) };
        if (blockId is not null)
        {
            block["block_id"] = BlockKitLimits.Cut(blockId, BlockKitLimits.Id);
        }

        return block;
    }

    /// <summary>An input block with a number field; <paramref name="dispatch"/> makes Enter send a block action (messages).</summary>
    public static JsonObject NumberInput(string blockId, string actionId, string label, string? hint, decimal? min, decimal? max, bool dispatch, bool optional = false)
    {
        var element = new JsonObject
        {
            ["type"] = "number_input",
            ["is_decimal_allowed"] = true,
            ["action_id"] = BlockKitLimits.Cut(actionId, BlockKitLimits.Id),
        };
        if (min is { } low)
        {
            element["min_value"] = low.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (max is { } high)
        {
            element["max_value"] = high.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var block = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = BlockKitLimits.Cut(blockId, BlockKitLimits.Id),
            ["label"] = Plain(label, BlockKitLimits.InputLabel),
            ["element"] = element,
            ["optional"] = optional,
        };
        if (dispatch)
        {
            block["dispatch_action"] = true;
        }

        if (!string.IsNullOrEmpty(hint))
        {
            block["hint"] = Plain(hint, BlockKitLimits.InputLabel);
        }

        return block;
    }
}
