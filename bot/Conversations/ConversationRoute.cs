
namespace FlywheelBot.Conversations;

/// <summary>
/// The channel-owned half of a <see cref="ConversationAddress"/>: a sealed record per channel, declared in that channel's
/// folder and registered with its discriminator (see <c>ConversationRouteType</c>), so stored addresses say which route
/// they carry. The neutral core never looks inside.
/// </summary>
public abstract record ConversationRoute
{
    /// <summary>This route as newer information, keeping what it left out from <paramref name="previous"/>; by default itself.</summary>
    public virtual ConversationRoute MergedWith(ConversationRoute? previous) => this;
}
