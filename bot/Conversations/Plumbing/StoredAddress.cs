using System.Text.Json;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// A <see cref="ConversationAddress"/> as stored: the neutral fields, and the route as an object whose <c>$type</c> names
/// the route type. Addresses stored before routes existed have no <c>channel</c> and no <c>route</c>: their route fields
/// sit beside the neutral ones (see <see cref="ConversationRouteType.ReadsStoredWithoutRoute"/>).
/// </summary>
internal sealed record StoredAddress(string? Channel, string? ConversationKey, ConversationScope Scope, string? TimeZone, JsonElement? Route);
