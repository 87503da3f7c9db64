using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Reads typed fields out of a playbook's JSON while collecting every problem with its JSON path,
/// so one run reports all that is wrong instead of the first thing.
/// </summary>
internal sealed class PlaybookJson
{
    private readonly List<PlaybookProblem> problems = [];

    public ImmutableArray<PlaybookProblem> Problems => [.. problems];

    public void Problem(string path, string message) => problems.Add(new PlaybookProblem(path, message));

    public static string Child(string path, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{path}.{name}" : $"{path}['{name}']";

    public static string Item(string path, int index) => $"{path}[{index}]";

    public bool IsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Problem(path, $"must be an object, got {Describe(element)}");
        return false;
    }

    public JsonElement? Field(JsonElement obj, string name, string path, bool required)
    {
        if (obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Problem(Child(path, name), "missing required field");
        }

        return null;
    }

    public string? String(JsonElement obj, string name, string path, bool required = true)
    {
        if (Field(obj, name, path, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(Child(path, name), $"must be text, got {Describe(value)}");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            Problem(Child(path, name), "must not be empty");
            return null;
        }

        return text;
    }

    public decimal? Number(JsonElement obj, string name, string path, bool required = true)
    {
        if (Field(obj, name, path, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        Problem(Child(path, name), $"must be a number, got {Describe(value)}");
        return null;
    }

    public bool? Bool(JsonElement obj, string name, string path)
    {
        if (Field(obj, name, path, required: false) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Problem(Child(path, name), $"must be true or false, got {Describe(value)}");
        return null;
    }

    public ImmutableArray<(JsonElement Element, string Path)> Array(JsonElement obj, string name, string path, bool required = true)
    {
        if (Field(obj, name, path, required) is not { } value)
        {
            return [];
        }

        var arrayPath = Child(path, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(arrayPath, $"must be a list, got {Describe(value)}");
            return [];
        }

        return [.. value.EnumerateArray().Select((item, index) => (item, Item(arrayPath, index)))];
    }

    /// <summary>A list of texts; each item is checked by <paramref name="accept"/> (which reports its own problems).</summary>
    public ImmutableArray<T> List<T>(JsonElement obj, string name, string path, bool required, Func<string, string, T?> accept)
        where T : struct
    {
        var result = ImmutableArray.CreateBuilder<T>();
        foreach (var (item, itemPath) in Array(obj, name, path, required))
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                Problem(itemPath, $"must be text, got {Describe(item)}");
                continue;
            }

            if (accept(item.GetString()!, itemPath) is { } value)
            {
                result.Add(value);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>A list of ids; each must be in <paramref name="known"/> (reported as "{kind} 'x' is referenced but not defined").</summary>
    public ImmutableArray<string> IdList(JsonElement obj, string name, string path, bool required, IReadOnlySet<string> known, string kind)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var (item, itemPath) in Array(obj, name, path, required))
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                Problem(itemPath, $"must be text, got {Describe(item)}");
            }
            else if (!known.Contains(item.GetString()!))
            {
                Problem(itemPath, $"{kind} '{item.GetString()}' is referenced but not defined");
            }
            else
            {
                result.Add(item.GetString()!);
            }
        }

        return result.ToImmutable();
    }

    public T? Choice<T>(string? text, string path, string kind, ImmutableArray<(string Id, T Value)> allowed)
        where T : struct
    {
        if (text is null)
        {
            return null;
        }

        foreach (var (id, value) in allowed)
        {
            if (id == text)
            {
                return value;
            }
        }

        Problem(path, $"unknown {kind} '{text}' (allowed: {string.Join(", ", allowed.Select(a => a.Id))})");
        return null;
    }

    public StageId? Stage(string? text, string path) => Choice(text, path, "stage", AllOf<StageId>(FlywheelIds.Of));

    public Audience? Audience(string? text, string path) => Choice(text, path, "audience", AllOf<Audience>(FlywheelIds.Of));

    public MarketAwareness? Awareness(string? text, string path) => Choice(text, path, "market awareness", AllOf<MarketAwareness>(FlywheelIds.Of));

    public Community? Community(string? text, string path) => Choice(text, path, "community answer", AllOf<Community>(FlywheelIds.Of));

    public string? UniqueId(JsonElement item, string path, HashSet<string> seen)
    {
        var id = String(item, "id", path);
        if (id is not null && !seen.Add(id))
        {
            Problem(PlaybookJson.Child(path, "id"), $"duplicate id '{id}'");
            return null;
        }

        return id;
    }

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static ImmutableArray<(string Id, T Value)> AllOf<T>(Func<T, string> id)
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => (id(v), v))];

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"\"{element.GetString()}\"",
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };
}
