using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>An OAuth 2.0 client-credentials token response.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn,
    [property: JsonPropertyName("token_type")] string? TokenType);
