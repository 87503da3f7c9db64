namespace FlywheelBot.Storage;

/// <summary>
/// One all-or-nothing unit of work for <see cref="IAtomicDocumentStore.CommitAsync(AtomicCommit, CancellationToken)"/>:
/// <see cref="Checks"/> and the conditional <see cref="Writes"/> must all hold, then the writes are stored, each record of
/// <see cref="Ensured"/> is inserted where no live record exists (never a conflict: an existing record is left as it is),
/// and <see cref="Reads"/> are read in the same transaction, seeing everything written before them. On PostgreSQL this
/// is one batch: one round trip, one transaction.
/// </summary>
/// <param name="DeferFlush">
/// The store may answer before the commit is flushed to disk (PostgreSQL: <c>synchronous_commit = off</c> for this
/// transaction only). Only for writes whose loss in a crash is harmless, or covered by a later flushed commit: the
/// write-ahead log is flushed in order, so a flushed commit also makes every earlier deferred one durable.
/// SQLite and the in-memory store ignore it.
/// </param>
public sealed record AtomicCommit(
    IReadOnlyList<DocumentWrite> Writes,
    IReadOnlyList<DocumentCheck> Checks,
    IReadOnlyList<DocumentWrite> Ensured,
    IReadOnlyList<DocumentKey> Reads,
    bool DeferFlush = false)
{
    /// <summary>Throws for a write, check or read the store would refuse anyway (before anything is sent).</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Writes);
        ArgumentNullException.ThrowIfNull(Checks);
        ArgumentNullException.ThrowIfNull(Ensured);
        ArgumentNullException.ThrowIfNull(Reads);
        foreach (var write in Writes)
        {
            DocumentKeys.Validate(write.Collection, write.Key);
            ArgumentNullException.ThrowIfNull(write.Json);
            ArgumentOutOfRangeException.ThrowIfNegative(write.ExpectedVersion ?? 0, nameof(Writes));
        }

        foreach (var write in Ensured)
        {
            DocumentKeys.Validate(write.Collection, write.Key);
            ArgumentNullException.ThrowIfNull(write.Json);
        }

        foreach (var check in Checks)
        {
            DocumentKeys.Validate(check.Collection, check.Key);
        }

        foreach (var (collection, key) in Reads)
        {
            DocumentKeys.Validate(collection, key);
        }
    }
}
