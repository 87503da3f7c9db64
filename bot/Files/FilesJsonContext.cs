using System.Text.Json.Serialization;

namespace FlywheelBot.Files;

/// <summary>Source-generated JSON for stored files.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StoredFile))]
internal sealed partial class FilesJsonContext : JsonSerializerContext;
