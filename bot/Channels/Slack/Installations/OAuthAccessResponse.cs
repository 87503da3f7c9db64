using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// The answer of <c>oauth.v2.access</c> (a code exchange or a refresh): <c>OauthV2AccessResponse</c> of
/// <c>@slack/web-api</c>, the fields this bot keeps. Unknown fields are ignored.
/// </summary>
internal sealed record OAuthAccessResponse(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("bot_user_id")] string? BotUserId,
    [property: JsonPropertyName("app_id")] string? AppId,
    [property: JsonPropertyName("team")] SlackNamedId? Team,
    [property: JsonPropertyName("enterprise")] SlackNamedId? Enterprise,
    [property: JsonPropertyName("is_enterprise_install")] bool IsEnterpriseInstall,
    [property: JsonPropertyName("authed_user")] SlackNamedId? AuthedUser,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn);
