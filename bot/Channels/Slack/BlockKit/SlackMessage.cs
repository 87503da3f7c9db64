using System.Text.Json.Nodes;

namespace FlywheelBot.Channels.Slack.BlockKit;

/// <summary>A message for <c>chat.postMessage</c>/<c>chat.update</c>: Block Kit blocks plus the plain <c>text</c> Slack shows in notifications and reads to screen readers.</summary>
internal sealed record SlackMessage(string Text, JsonArray Blocks);
