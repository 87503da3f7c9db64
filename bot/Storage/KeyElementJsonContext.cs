using System.Text.Json.Serialization;

namespace FlywheelBot.Storage;

/// <summary>Source-generated JSON for <see cref="KeyElementRecord"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(KeyElementRecord))]
internal sealed partial class KeyElementJsonContext : JsonSerializerContext;
