using System.Text.Json.Nodes;

namespace FlywheelBot.Tests.Infra;

/// <summary>Class fixture: <c>infra/main.bicep</c> compiled once to ARM JSON by the real Bicep CLI.</summary>
public sealed class CompiledInfra : IAsyncLifetime
{
    public static string Directory { get; } = FindInfra();

    public JsonObject Template { get; private set; } = [];

    public string BuildOutput { get; private set; } = string.Empty;

    public int BuildExitCode { get; private set; }

    public async Task InitializeAsync()
    {
        var (exitCode, output, error) = await BicepCli.RunAsync("build", System.IO.Path.Combine(Directory, "main.bicep"), "--stdout");
        BuildExitCode = exitCode;
        BuildOutput = error;
        if (exitCode == 0)
        {
            Template = JsonNode.Parse(output)!.AsObject();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Resources of a template (symbolic-name object or array form), with their symbolic names where there are some.</summary>
    public static IEnumerable<(string Name, JsonObject Resource)> Resources(JsonObject template) => template["resources"] switch
    {
        JsonObject symbolic => symbolic.Select(pair => (pair.Key, pair.Value!.AsObject())),
        JsonArray list => list.Select((r, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), r!.AsObject())),
        _ => [],
    };

    public (string Name, JsonObject Resource) Single(string type) => Single(Template, type);

    public static (string Name, JsonObject Resource) Single(JsonObject template, string type) =>
        Resources(template).Single(r => string.Equals(r.Resource["type"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every string anywhere in a JSON tree.</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(pair => Strings(pair.Value).Prepend(pair.Key)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static string FindInfra()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "infra", "main.bicep");
            if (File.Exists(candidate))
            {
                return System.IO.Path.GetDirectoryName(candidate)!;
            }
        }

        throw new InvalidOperationException("infra/main.bicep not found above the test assembly");
    }
}
