using System.Collections.Immutable;
using System.Text.Json;

namespace FlywheelBot.Channels.BotFramework.Inbound;

/// <summary>
/// Turns card data (Action.Submit <c>value</c>, Action.Execute <c>action.data</c> plus inputs) into flat string values:
/// scalars as text, nested objects as dotted keys, arrays as JSON. Teams helper keys (<c>msteams</c>) are dropped.
/// </summary>
internal static class ValueFlattener
{
    /// <summary>The key the Action.Execute verb is flattened to.</summary>
    public const string VerbKey = "verb";

    private static readonly ImmutableHashSet<string> InvokeEnvelopeKeys = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "action", "trigger", "msteams", "type");

    public static ImmutableDictionary<string, string> FromSubmit(JsonElement? value)
    {
        var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (value is { ValueKind: JsonValueKind.Object } data)
        {
            Add(values, data, prefix: null, overwrite: true);
        }

        return values.ToImmutable();
    }

    /// <summary>
    /// <c>value.action.data</c> first, then input values found elsewhere in <c>value</c> (some clients do not merge inputs into
    /// data) where data has no such key, then <c>verb</c> = <c>value.action.verb</c>.
    /// </summary>
    public static ImmutableDictionary<string, string> FromExecute(JsonElement? value)
    {
        var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (value is not { ValueKind: JsonValueKind.Object } invoke)
        {
            return values.ToImmutable();
        }

        string? verb = null;
        if (invoke.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            if (action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                Add(values, data, prefix: null, overwrite: true);
            }

            verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }

        foreach (var property in invoke.EnumerateObject().Where(p => !InvokeEnvelopeKeys.Contains(p.Name)))
        {
            if (property.Value.ValueKind == JsonValueKind.Object && property.Name is "data" or "inputs")
            {
                Add(values, property.Value, prefix: null, overwrite: false);
            }
            else
            {
                AddOne(values, property.Name, property.Value, overwrite: false);
            }
        }

        if (!string.IsNullOrEmpty(verb))
        {
            values[VerbKey] = verb;
        }

        return values.ToImmutable();
    }

    private static void Add(ImmutableDictionary<string, string>.Builder values, JsonElement obj, string? prefix, bool overwrite)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (prefix is null && string.Equals(property.Name, "msteams", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            AddOne(values, prefix is null ? property.Name : $"{prefix}.{property.Name}", property.Value, overwrite);
        }
    }

    private static void AddOne(ImmutableDictionary<string, string>.Builder values, string key, JsonElement value, bool overwrite)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            Add(values, value, key, overwrite);
            return;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Array => value.GetRawText(),
            _ => null,
        };
        if (text is not null && (overwrite || !values.ContainsKey(key)))
        {
            values[key] = text;
        }
    }
}
