namespace FlywheelBot.Conversations.Plumbing;

/// <summary>What <see cref="TurnStart.TryClaimAsync"/> did.</summary>
internal enum TurnClaim
{
    /// <summary>Another delivery claimed this event first: drop this one.</summary>
    Redelivery,

    /// <summary>Claimed, and the conversation's address is stored as the turn told it.</summary>
    Claimed,

    /// <summary>Claimed; the address still has to be saved (<see cref="IConversationDirectory.SaveAsync"/>).</summary>
    ClaimedAddressUnsaved,
}
