namespace FlywheelBot.Conversations;

/// <summary>
/// Where to send a message outside of a turn (check-ins, late replies). The neutral part says which channel holds the
/// conversation (<see cref="Channel"/>, the name its proactive messenger is registered under), the key all stored state
/// uses (<see cref="ConversationKey"/>, equal to <see cref="InboundTurn.ConversationKey"/>), whether it is a 1:1 chat, a
/// group or a channel, and the time zone the channel reported. <see cref="Route"/> is what only that channel understands
/// (for Bot Framework: service URL, conversation id, bot id, tenant); it is stored with a type discriminator.
/// </summary>
public sealed record ConversationAddress(
    string Channel,
    string ConversationKey,
    ConversationScope Scope,
    string? TimeZone,
    ConversationRoute Route)
{
    /// <summary>
    /// This address as newer information about the same conversation: what the newer one left out (a time zone, what
    /// its route keeps from before) is taken from <paramref name="previous"/>.
    /// </summary>
    public ConversationAddress MergedWith(ConversationAddress? previous)
    {
        if (previous is null || previous.Channel != Channel)
        {
            return this;
        }

        return this with { TimeZone = TimeZone ?? previous.TimeZone, Route = Route.MergedWith(previous.Route) };
    }
}
