using System.Text.Json.Serialization;

namespace FlywheelBot.Channels;

/// <summary>Source-generated JSON for the channel-neutral records the channels store.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConversationAddress))]
internal sealed partial class ChannelsJsonContext : JsonSerializerContext;
