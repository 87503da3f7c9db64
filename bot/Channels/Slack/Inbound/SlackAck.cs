using System.Text.Json.Nodes;

namespace FlywheelBot.Channels.Slack.Inbound;

/// <summary>
/// The acknowledgement of one Slack request (HTTP 200 body, or the Socket Mode ack's <c>payload</c>): empty, a
/// url_verification challenge, a modal's <c>response_action</c>, a slash command's ephemeral answer, or "retry later"
/// (HTTP 503 with <c>Retry-After</c>: the request could not even be taken in, and Slack retries an event).
/// </summary>
internal sealed record SlackAck(JsonObject? Body)
{
    public static SlackAck Empty { get; } = new((JsonObject?)null);

    public static SlackAck Unavailable { get; } = new((JsonObject?)null) { RetryLater = true };

    public bool RetryLater { get; private init; }
}
