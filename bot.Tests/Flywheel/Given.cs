using System.Collections.Immutable;
using System.Text.Json.Nodes;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Tests.Flywheel;

/// <summary>Test helpers: the shipped playbook, inputs written as "id=value" pairs, and playbook files to break.</summary>
internal static class Given
{
    private static readonly Lazy<Playbook> Shipped = new(PlaybookLoader.LoadDefault);

    public static Playbook Playbook => Shipped.Value;

    public static DiagnosisEngine Engine { get; } = new(PlaybookLoader.LoadDefault());

    public static DiagnosisInput Input(Audience audience, MarketAwareness awareness, string metrics = "", string doing = "", Community community = Community.Unknown) =>
        new(
            audience,
            awareness,
            community,
            metrics.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('='))
                .ToImmutableDictionary(p => p[0], p => decimal.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)),
            doing.Split(',', StringSplitOptions.RemoveEmptyEntries).ToImmutableHashSet());

    public static Diagnosis Diagnose(Audience audience, MarketAwareness awareness, string metrics = "", string doing = "", Community community = Community.Unknown) =>
        Engine.Diagnose(Input(audience, awareness, metrics, doing, community));

    /// <summary>The shipped playbook's JSON text, as a mutable tree.</summary>
    public static JsonObject ShippedJson()
    {
        using var stream = typeof(Playbook).Assembly.GetManifestResourceStream("FlywheelBot.Flywheel.playbook.json")!;
        using var reader = new StreamReader(stream);
        return JsonNode.Parse(reader.ReadToEnd())!.AsObject();
    }

    /// <summary>Writes text to a unique temporary file and returns its path; delete with <see cref="Delete"/>.</summary>
    public static string TempFile(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"flywheel-playbook-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }

    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Loads a changed copy of the shipped playbook from a temp file and returns the failure.</summary>
    public static (PlaybookException Error, string File) BrokenPlaybook(Action<JsonObject> change)
    {
        var json = ShippedJson();
        change(json);
        return BrokenPlaybook(json.ToJsonString());
    }

    public static (PlaybookException Error, string File) BrokenPlaybook(string text)
    {
        var file = TempFile(text);
        try
        {
            return (Assert.Throws<PlaybookException>(() => PlaybookLoader.LoadFile(file)), file);
        }
        finally
        {
            Delete(file);
        }
    }
}
