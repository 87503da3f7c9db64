using System.Text.Json.Serialization.Metadata;

namespace FlywheelBot.Storage;

/// <summary>
/// Typed read-modify-write over <see cref="IDocumentStore"/>: serializes with source-generated JSON, serializes
/// updates of one key within this process, and on a version conflict (another instance wrote first) re-reads and
/// re-applies <c>apply</c>, so no update is lost. After a bounded number of conflicting attempts it throws
/// <see cref="StoreConflictException"/> (nothing written; tell the user to try again).
/// An unreadable stored record is logged and handed to <c>apply</c> as null with
/// <see cref="Versioned{T}.WasUnreadable"/> set (the caller starts over politely); its version is kept so the
/// overwrite succeeds. "Unreadable" is any <see cref="System.Text.Json.JsonException"/> while deserializing: corrupt
/// JSON, a wrong shape, or a stored type that rejects an unknown future schema by throwing one (for example from
/// <see cref="System.Text.Json.Serialization.IJsonOnDeserialized"/> when its <c>SchemaVersion</c> is too new).
/// </summary>
public interface IVersionedStore
{
    Task<Versioned<T>> ReadAsync<T>(string collection, string key, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class;

    /// <summary>
    /// Applies <paramref name="apply"/> to the current value and stores the result; returns what was stored.
    /// <paramref name="apply"/> may run more than once (after a conflict), so it must be pure: no side effects.
    /// <paramref name="options"/> derives the due time / expiry from the value to store (null: neither).
    /// </summary>
    /// <summary>Whether this process holds the record as last read or written (or found absent): an update then needs no read.</summary>
    bool Holds(DocumentKey key);

    /// <summary>
    /// Remembers a record read elsewhere (for example in one batch with a turn's claim; null: it was absent) as the
    /// starting point of the next update, as if read here: a stale one is just a conflict and a re-read.
    /// </summary>
    void Remember(DocumentKey key, StoredDocument? document);

    Task<T> UpdateAsync<T>(
        string collection,
        string key,
        JsonTypeInfo<T> type,
        Func<Versioned<T>, T> apply,
        Func<T, DocumentOptions>? options,
        CancellationToken cancellationToken)
        where T : class;

    /// <summary>
    /// Like <see cref="UpdateAsync{T}"/>, for an update that also depends on another record (<paramref name="read"/>):
    /// <paramref name="apply"/> gets both and returns the new value, plus optionally a change of the other record
    /// (applied to its value as read). The update is stored only if the other record is still as read (then written with
    /// its change, if any), in one atomic commit; otherwise both are re-read and <paramref name="apply"/> runs again.
    /// On a store with <see cref="IAtomicDocumentStore"/> both are read in one go and everything is one commit; starting
    /// from values this process remembers it needs no read at all. On another store the other record is read first,
    /// then the update is made, then the other record's change (each on its own, as separate updates).
    /// </summary>
    Task<T> UpdateWithAsync<T, TRead>(
        string collection,
        string key,
        JsonTypeInfo<T> type,
        DocumentKey read,
        JsonTypeInfo<TRead> readType,
        Func<Versioned<T>, Versioned<TRead>, PairedChange<T, TRead>> apply,
        Func<T, DocumentOptions>? options,
        CancellationToken cancellationToken)
        where T : class
        where TRead : class;
}
