using FlywheelBot.Storage;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// The start of an inbound turn in one round trip: the event's claim (<see cref="TurnDeduplicator"/>'s insert-if-absent),
/// the conversation's address (see <see cref="AddressSave"/>) and the reads the turn will need
/// (<see cref="ITurnPrefetch"/>) go to the store as one <see cref="AtomicCommit"/>. A redelivery fails the claim's
/// expectation, so nothing of the batch is written. A store without <see cref="IAtomicDocumentStore"/>, or another
/// directory, takes the separate steps instead.
/// When the claim is all there is to store (this instance holds the conversation, its state and its address: every
/// turn of an interview after the first), there is no round trip here: the claim becomes the turn's
/// <see cref="DeferredInsert"/> and is stored with the turn's own commit, so such a turn costs one round trip in all.
/// A redelivery is then found out at that commit, which stores nothing of it, and the turn is dropped unanswered
/// (its handler ran, but nothing it did leaves the process). A redelivery to the instance that stored the claim is
/// dropped before anything runs (<see cref="RecentClaims"/>).
/// </summary>
/// <remarks>
/// The batch (a first turn's) is committed with <see cref="AtomicCommit.DeferFlush"/>: it does not wait for its own write-ahead-log flush.
/// That is safe because of what a lost claim means. A crash can lose only a claim whose commit was not yet flushed, and
/// the log is flushed in order, so every later flushed commit (the turn's own state commit, a history record, anything
/// the turn wrote) makes the claim durable with it. A claim lost in a crash therefore belongs to a turn that stored
/// nothing yet (or stores nothing at all): a redelivery of that event finds no claim and is processed, which is what
/// should happen to a turn that left no trace (today's flushed claim made the redelivery be dropped and the answer
/// lost). A turn that stores nothing and replied before the crash may answer a redelivery twice; it changed nothing.
/// The address that may ride along is re-sent with every turn of the conversation.
/// </remarks>
internal sealed class TurnStart(
    IDocumentStore store,
    TurnDeduplicator deduplicator,
    IConversationDirectory directory,
    IEnumerable<ITurnPrefetch> prefetches)
{
    private readonly ITurnPrefetch[] _prefetches = [.. prefetches];

    /// <summary>
    /// Claims <paramref name="eventId"/> (an empty one is always processed) and saves the address on the way. When the
    /// claim is all there is to store now (this instance holds the conversation and its address), it is not stored here
    /// but returned as a <see cref="DeferredInsert"/>, <see cref="TurnClaim.Deferred"/>: the caller enters it for the
    /// turn, whose first commit stores it (and settles it before replying).
    /// </summary>
    public async Task<(TurnClaim Claim, DeferredInsert? Deferred)> TryClaimAsync(string channel, string? eventId, ConversationAddress address, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(address);
        if (store is not IAtomicDocumentStore atomic || directory is not DocumentConversationDirectory documents)
        {
            return (await deduplicator.TryClaimAsync(channel, eventId, cancellationToken) ? TurnClaim.ClaimedAddressUnsaved : TurnClaim.Redelivery, null);
        }

        var claimKey = string.IsNullOrEmpty(eventId) ? null : TurnDeduplicator.Key(channel, eventId);
        if (claimKey is not null && deduplicator.ClaimedHere(claimKey))
        {
            return (TurnClaim.Redelivery, null);
        }

        var save = documents.PlanSave(address);
        var writes = new List<DocumentWrite>(2);
        var claim = claimKey is null ? null : deduplicator.Claim(claimKey);
        if (claim is not null)
        {
            writes.Add(claim);
        }

        if (save.Write is not null)
        {
            writes.Add(save.Write);
        }

        var reads = new List<DocumentKey>(4);
        if (save.Read is { } addressRead)
        {
            reads.Add(addressRead);
        }

        var asked = new int[_prefetches.Length];
        for (var i = 0; i < _prefetches.Length; i++)
        {
            var before = reads.Count;
            _prefetches[i].AddReads(address.ConversationKey, reads);
            asked[i] = reads.Count - before;
        }

        if (save.Ensure is null && reads.Count == 0)
        {
            if (writes.Count == 0)
            {
                return (TurnClaim.Claimed, null);
            }

            if (save.Write is null && claim is not null)
            {
                return (TurnClaim.Deferred, new DeferredInsert(atomic, claim, () => deduplicator.Stored(claim)));
            }
        }

        var result = await atomic.CommitAsync(
            new AtomicCommit(writes, [], save.Ensure is { } ensure ? [ensure] : [], reads, DeferFlush: true),
            cancellationToken);
        if (result is null)
        {
            return (TurnClaim.Redelivery, null);
        }

        if (claim is not null)
        {
            deduplicator.Stored(claim);
        }

        var next = save.Read is null ? 0 : 1;
        for (var i = 0; i < _prefetches.Length; i++)
        {
            for (var j = 0; j < asked[i]; j++, next++)
            {
                _prefetches[i].Found(reads[next], result.Read[next]);
            }
        }

        var saved = documents.Saved(save, save.Write is null ? 0 : result.Versions[^1], save.Read is null ? null : result.Read[0]);
        return (saved ? TurnClaim.Claimed : TurnClaim.ClaimedAddressUnsaved, null);
    }
}
