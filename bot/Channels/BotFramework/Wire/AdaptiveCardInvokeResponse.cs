using System.Text.Json.Nodes;

namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>
/// The body answering an <c>adaptiveCard/action</c> invoke (universal action model): a card replacing the one the action
/// came from, a message banner, or an error.
/// </summary>
internal sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonNode? Value);
