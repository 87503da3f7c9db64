using System.Text.Json;

namespace FlywheelBot.Channels.Slack.Inbound;

/// <summary>Tolerant reads of Slack's JSON (unknown fields ignored, wrong types read as absent).</summary>
internal static class SlackJson
{
    public static string? Str(this JsonElement element, params string[] path)
    {
        var found = element.At(path);
        return found.ValueKind == JsonValueKind.String ? found.GetString() : null;
    }

    public static bool Flag(this JsonElement element, params string[] path) => element.At(path).ValueKind == JsonValueKind.True;

    public static JsonElement At(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return default;
            }
        }

        return current;
    }

    /// <summary>The first element of an array property, or default.</summary>
    public static JsonElement First(this JsonElement element, string name)
    {
        var array = element.At(name);
        return array.ValueKind == JsonValueKind.Array && array.GetArrayLength() > 0 ? array[0] : default;
    }
}
