namespace FlywheelBot.Storage;

/// <summary>
/// The one storage seam: a versioned JSON document store. Conversation state, team profiles, metric history,
/// conversation addresses, check-in subscriptions and processed activity ids all live here, each in its own
/// collection. Implementations: SQLite (embedded default) and PostgreSQL (scale-out); both pass one conformance suite
/// (bot.Tests/Storage), as does the in-memory test double.
/// </summary>
/// <remarks>
/// Semantics shared by every provider:
/// <list type="bullet">
/// <item>Each successful write is atomic and adds one to the record's version; a crash leaves the old or the new
/// record, never a mix.</item>
/// <item>A record whose <see cref="StoredDocument.ExpiresAt"/> has passed (by the store's <see cref="TimeProvider"/>)
/// is absent for every operation, even before it is purged; a record written over it keeps counting versions up.</item>
/// <item>Keys are compared and ordered by Unicode code point, case-sensitively; they must be non-empty and free of
/// NUL characters. The JSON text is stored exactly as given.</item>
/// <item>Times are stored in UTC at millisecond precision and read back with offset zero.</item>
/// <item>Claiming due work across instances: <see cref="ListDueAsync"/>, then <see cref="PutAsync"/> with the listed
/// version and the next due time; exactly one instance's write succeeds, the others get a conflict and skip it.</item>
/// </list>
/// </remarks>
public interface IDocumentStore
{
    /// <summary>Reads one record, or null when absent or expired.</summary>
    Task<StoredDocument?> GetAsync(string collection, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes atomically if the version expectation holds (<see cref="DocumentWrite.ExpectedVersion"/>); never a
    /// partial write. On a conflict nothing is written and the result carries the current version (0 when absent).
    /// </summary>
    Task<WriteResult> PutAsync(DocumentWrite write, CancellationToken cancellationToken);

    /// <summary>Deletes if the version expectation holds (null: unconditionally). True when a record was deleted.</summary>
    Task<bool> DeleteAsync(string collection, string key, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Records whose key starts with <paramref name="keyPrefix"/>, ordered by key, unexpired only.</summary>
    Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string keyPrefix, int limit, CancellationToken cancellationToken);

    /// <summary>Records with <see cref="StoredDocument.DueAt"/> at or before <paramref name="now"/>, earliest first (then by key).</summary>
    Task<IReadOnlyList<StoredDocument>> ListDueAsync(string collection, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Removes records whose expiry is at or before <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
