using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>Source-generated JSON for the channel-neutral records every channel stores.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredAddress))]
[JsonSerializable(typeof(MarkerRecord))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ConversationsJsonContext : JsonSerializerContext;
