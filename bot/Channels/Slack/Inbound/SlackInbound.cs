using System.Collections.Immutable;
using System.Text.Json;

namespace FlywheelBot.Channels.Slack.Inbound;

/// <summary>
/// One request from Slack, read but not yet acted on. <see cref="Json"/> is the event envelope or the interaction
/// payload; <see cref="Form"/> the slash command's fields. <see cref="TeamId"/>/<see cref="EnterpriseId"/> name the
/// installation it belongs to (Bolt's rule: <c>authorizations[0]</c> first, then the envelope's own fields).
/// </summary>
internal sealed record SlackInbound(
    SlackInboundKind Kind,
    string? TeamId,
    string? EnterpriseId,
    JsonElement Json,
    ImmutableDictionary<string, string> Form)
{
    public string? Field(string name) => Form.TryGetValue(name, out var value) ? value : null;
}
