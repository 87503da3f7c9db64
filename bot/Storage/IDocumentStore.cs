namespace FlywheelBot.Storage;

/// <summary>
/// The one storage seam: a versioned JSON document store. Conversation state, team profiles, metric history,
/// conversation addresses, check-in subscriptions and processed activity ids all live here, each in its own
/// collection. Implementations: SQLite (embedded default) and PostgreSQL (scale-out); both pass one conformance suite.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Reads one record, or null when absent or expired.</summary>
    Task<StoredDocument?> GetAsync(string collection, string key, CancellationToken cancellationToken);

    /// <summary>Writes atomically if the version expectation holds; never a partial write.</summary>
    Task<WriteResult> PutAsync(DocumentWrite write, CancellationToken cancellationToken);

    /// <summary>Deletes if the version expectation holds (null: unconditionally). True when a record was deleted.</summary>
    Task<bool> DeleteAsync(string collection, string key, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Records whose key starts with <paramref name="keyPrefix"/>, ordered by key, unexpired only.</summary>
    Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string keyPrefix, int limit, CancellationToken cancellationToken);

    /// <summary>Records with <see cref="StoredDocument.DueAt"/> at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<StoredDocument>> ListDueAsync(string collection, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Removes records whose expiry has passed; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
