using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>Source-generated JSON for the Bot Framework wire types: camelCase, nulls never written, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(BotFrameworkRoute))]
internal sealed partial class BotFrameworkJsonContext : JsonSerializerContext;
