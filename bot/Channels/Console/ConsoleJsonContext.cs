using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.Console;

/// <summary>Source-generated JSON for the terminal's route (stored in-process with the address).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConsoleRoute))]
internal sealed partial class ConsoleJsonContext : JsonSerializerContext;
