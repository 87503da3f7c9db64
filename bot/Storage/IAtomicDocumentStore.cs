namespace FlywheelBot.Storage;

/// <summary>
/// What a store can do beyond <see cref="IDocumentStore"/> so a turn costs one read and one write however many records
/// it touches (on PostgreSQL: one round trip each). Both providers have it; <see cref="VersionedStore"/> falls back to
/// one record at a time for a store without it.
/// </summary>
public interface IAtomicDocumentStore
{
    /// <summary>Reads several records at once: one result per key, in order, null when absent or expired.</summary>
    Task<IReadOnlyList<StoredDocument?>> GetManyAsync(IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken);

    /// <summary>
    /// All or nothing: when every write's <see cref="DocumentWrite.ExpectedVersion"/> and every check hold, stores all
    /// the writes atomically and returns their new versions (in order); otherwise writes nothing and returns null.
    /// </summary>
    Task<IReadOnlyList<long>?> CommitAsync(IReadOnlyList<DocumentWrite> writes, IReadOnlyList<DocumentCheck> checks, CancellationToken cancellationToken);

    /// <summary>
    /// All or nothing, with more in the same transaction (see <see cref="AtomicCommit"/>): when every check and write
    /// expectation holds, stores the writes, inserts the ensured records that are absent, reads the reads and returns
    /// the versions and the records read; otherwise writes nothing, reads nothing and returns null.
    /// </summary>
    Task<CommitResult?> CommitAsync(AtomicCommit commit, CancellationToken cancellationToken);
}
