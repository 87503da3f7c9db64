using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>The answer of <c>auth.test</c>: who a token belongs to (the bot id is only here, not in <c>oauth.v2.access</c>).</summary>
internal sealed record AuthTestResponse(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("team_id")] string? TeamId,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("bot_id")] string? BotId,
    [property: JsonPropertyName("enterprise_id")] string? EnterpriseId);
