using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FlywheelBot.Channels.BotFramework.TeamsPackage;

/// <summary>Writes the manifest as indented JSON (JsonNode through source-generated metadata).</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ManifestJson : JsonSerializerContext
{
    public static JsonTypeInfo<JsonObject> Indented => Default.JsonObject;
}
