using System.Text.Json.Serialization;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>Source-generated JSON for what the advisor stores (conversation state, team profiles) and its tour data.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConversationState))]
[JsonSerializable(typeof(TeamProfile))]
[JsonSerializable(typeof(TourContent))]
internal sealed partial class AdvisorJsonContext : JsonSerializerContext;
