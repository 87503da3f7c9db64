using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>Source-generated JSON for the OAuth wire answers (tolerant: unknown fields ignored) and the stored installation.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OAuthAccessResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(StoredSlackInstallation))]
[JsonSerializable(typeof(ConsumedOAuthState))]
internal sealed partial class SlackInstallationsJsonContext : JsonSerializerContext;
