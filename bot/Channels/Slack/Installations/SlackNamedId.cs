using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>A <c>{ "id": ..., "name": ... }</c> object of Slack's OAuth answers (team, enterprise, authed user).</summary>
internal sealed record SlackNamedId(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name);
