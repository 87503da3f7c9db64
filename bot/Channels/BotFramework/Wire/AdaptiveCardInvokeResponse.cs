using System.Text.Json.Nodes;

namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>
/// The body answering an <c>adaptiveCard/action</c> invoke (universal action model): a card replacing the one the action
/// came from, a message banner, or an error. For an invoke sent with <c>deliveryMode: expectReplies</c> the turn's other
/// replies (the next question, say) ride along in <see cref="Activities"/>, as in an <see cref="ExpectedReplies"/> body,
/// because such a caller has nowhere else to receive them; Teams ignores the extra field.
/// </summary>
internal sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonNode? Value, IReadOnlyList<Activity>? Activities = null);
