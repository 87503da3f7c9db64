using System.Text.Json.Serialization.Metadata;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// A channel's route type, registered by the channel (one per channel): the channel name addresses carry, the
/// discriminator stored in <c>route.$type</c>, and the JSON contract of the route record (from the channel's own
/// source-generated context). <see cref="ReadsStoredWithoutRoute"/> marks the one channel whose addresses were stored
/// flat, before routes existed (Bot Framework): such a document is read as that channel's route.
/// </summary>
public sealed record ConversationRouteType(string Channel, string Discriminator, JsonTypeInfo TypeInfo, bool ReadsStoredWithoutRoute = false)
{
    public Type RouteType => TypeInfo.Type;
}
