using System.Text.Json.Nodes;

namespace FlywheelBot.Channels.Slack.Inbound;

/// <summary>
/// The acknowledgement of one Slack request (HTTP 200 body, or the Socket Mode ack's <c>payload</c>): empty, a
/// url_verification challenge, or a modal's <c>response_action</c>.
/// </summary>
internal sealed record SlackAck(JsonObject? Body)
{
    public static SlackAck Empty { get; } = new((JsonObject?)null);
}
