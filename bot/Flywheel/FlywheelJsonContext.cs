using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlywheelBot.Flywheel;

/// <summary>Source-generated JSON for the flywheel's documents (camelCase, indented, nulls written).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(DiagnosisDocument))]
[JsonSerializable(typeof(Campaigns.CampaignDocument))]
internal sealed partial class FlywheelJsonContext : JsonSerializerContext
{
    /// <summary>For terminals and files (not HTML): keeps apostrophes and dashes readable instead of \u escapes.</summary>
    public static FlywheelJsonContext Readable { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
