using System.Text.Json;
using System.Text.RegularExpressions;

namespace FlywheelBot.Channels.BotFramework.Inbound;

/// <summary>
/// Removes the bot's own @mention from message text using the <c>mention</c> entities (Teams sends <c>&lt;at&gt;Name&lt;/at&gt;</c>
/// or <c>&lt;at&gt;@Name&lt;/at&gt;</c>). The bot is the mentioned id equal to the recipient id; without a recipient, a
/// mention that starts the message is taken to address the bot. Other people's mentions stay.
/// </summary>
internal static partial class MentionStripper
{
    public static string? Strip(string? text, IReadOnlyList<JsonElement>? entities, string? botId)
    {
        if (string.IsNullOrEmpty(text) || entities is null)
        {
            return text?.Trim();
        }

        foreach (var entity in entities)
        {
            if (!IsMention(entity, out var mentionedId, out var mentionedName, out var mentionText))
            {
                continue;
            }

            var forms = new[] { mentionText, mentionedName is null ? null : $"<at>{mentionedName}</at>", mentionedName is null ? null : $"<at>@{mentionedName}</at>" }
                .Where(f => !string.IsNullOrEmpty(f))
                .Cast<string>()
                .ToArray();
            var isBot = botId is not null
                ? string.Equals(mentionedId, botId, StringComparison.OrdinalIgnoreCase)
                : forms.Any(f => text.TrimStart().StartsWith(f, StringComparison.OrdinalIgnoreCase));
            if (isBot)
            {
                text = forms.Aggregate(text, (current, form) => current.Replace(form, " ", StringComparison.OrdinalIgnoreCase));
            }
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    private static bool IsMention(JsonElement entity, out string? id, out string? name, out string? text)
    {
        id = name = text = null;
        if (entity.ValueKind != JsonValueKind.Object
            || !entity.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !string.Equals(type.GetString(), "mention", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (entity.TryGetProperty("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object)
        {
            id = StringOf(mentioned, "id");
            name = StringOf(mentioned, "name");
        }

        text = StringOf(entity, "text");
        return true;
    }

    private static string? StringOf(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
