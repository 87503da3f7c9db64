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

    /// <summary>
    /// Not stored yet: the claim is a <see cref="Storage.DeferredInsert"/> that rides with the turn's first commit (a
    /// redelivery is found out there, <see cref="Storage.DeferredInsertTakenException"/>); the address is stored as told.
    /// </summary>
    Deferred,
}
