using System.Text.Json;
using FlywheelBot.Hosting;

namespace FlywheelBot.Tests.Infra;

/// <summary><c>appsettings.sample.json</c> lists settings the bot reads, and every setting of every options class.</summary>
public sealed class SampleSettingsTests
{
    private static readonly string[] LibrarySettings = [TelemetryServices.ConnectionStringSetting];

    [Fact]
    public void Every_sample_setting_is_one_the_bot_reads_and_every_setting_is_in_the_sample()
    {
        var sample = Leaves(JsonDocument.Parse(
            File.ReadAllText(Path.Combine(CompiledInfra.Directory, "..", "appsettings.sample.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement, prefix: null).ToList();

        var unknown = sample.Where(key => !LibrarySettings.Contains(key) && !BotSettingNames.All.Contains(key)).ToList();
        var missing = BotSettingNames.All.Where(name => !sample.Contains(name, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unknown.Count == 0, $"in the sample but read by nothing: {string.Join(", ", unknown)}");
        Assert.True(missing.Count == 0, $"read by the bot but missing from the sample: {string.Join(", ", missing)}");
    }

    /// <summary>Setting names of a JSON tree: objects nest with ':'; arrays and scalars are values of their key.</summary>
    private static IEnumerable<string> Leaves(JsonElement element, string? prefix) => element.ValueKind == JsonValueKind.Object
        ? element.EnumerateObject().SelectMany(property => Leaves(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}"))
        : prefix is null ? [] : [prefix];
}
