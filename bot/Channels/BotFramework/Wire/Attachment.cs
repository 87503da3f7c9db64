using System.Text.Json.Nodes;

namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>A message attachment; for cards <see cref="ContentType"/> is the Adaptive Card media type.</summary>
internal sealed record Attachment(string ContentType, JsonNode? Content);
