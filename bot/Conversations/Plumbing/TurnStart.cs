using System.Text.Json;
using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// The start of an inbound turn in one round trip: the event's claim (<see cref="TurnDeduplicator"/>'s insert-if-absent),
/// the conversation's address (see <see cref="AddressSave"/>) and the reads the turn will need
/// (<see cref="ITurnPrefetch"/>) go to the store as one <see cref="AtomicCommit"/>. A redelivery fails the claim's
/// expectation, so nothing of the batch is written. A store without <see cref="IAtomicDocumentStore"/>, or another
/// directory, takes the separate steps instead.
/// </summary>
/// <remarks>
/// The batch is committed with <see cref="AtomicCommit.DeferFlush"/>: it does not wait for its own write-ahead-log flush.
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
    IEnumerable<ITurnPrefetch> prefetches,
    TimeProvider clock,
    IOptions<StorageOptions> options)
{
    private readonly ITurnPrefetch[] _prefetches = [.. prefetches];

    /// <summary>Claims <paramref name="eventId"/> (an empty one is always processed) and saves the address on the way.</summary>
    public async Task<TurnClaim> TryClaimAsync(string channel, string? eventId, ConversationAddress address, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(address);
        if (store is not IAtomicDocumentStore atomic || directory is not DocumentConversationDirectory documents)
        {
            return await deduplicator.TryClaimAsync(channel, eventId, cancellationToken) ? TurnClaim.ClaimedAddressUnsaved : TurnClaim.Redelivery;
        }

        var save = documents.PlanSave(address);
        var writes = new List<DocumentWrite>(2);
        if (!string.IsNullOrEmpty(eventId))
        {
            var now = clock.GetUtcNow();
            var json = JsonSerializer.Serialize(new MarkerRecord(now), ConversationsJsonContext.Default.MarkerRecord);
            writes.Add(new DocumentWrite(TurnDeduplicator.Collection, TurnDeduplicator.Key(channel, eventId), json, ExpectedVersion: 0, ExpiresAt: now + options.Value.ProcessedActivityRetention));
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

        if (writes.Count == 0 && save.Ensure is null && reads.Count == 0)
        {
            return TurnClaim.Claimed;
        }

        var result = await atomic.CommitAsync(
            new AtomicCommit(writes, [], save.Ensure is { } ensure ? [ensure] : [], reads, DeferFlush: true),
            cancellationToken);
        if (result is null)
        {
            return TurnClaim.Redelivery;
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
        return saved ? TurnClaim.Claimed : TurnClaim.ClaimedAddressUnsaved;
    }
}
