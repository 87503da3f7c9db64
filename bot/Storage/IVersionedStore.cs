using System.Text.Json.Serialization.Metadata;

namespace FlywheelBot.Storage;

/// <summary>
/// Typed read-modify-write over <see cref="IDocumentStore"/>: serializes with source-generated JSON, serializes
/// updates of one key within this process, and on a version conflict (another instance wrote first) re-reads and
/// re-applies <c>apply</c>, so no update is lost. An unreadable stored record is logged and handed to
/// <c>apply</c> as null (the caller starts over politely).
/// </summary>
public interface IVersionedStore
{
    Task<Versioned<T>> ReadAsync<T>(string collection, string key, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class;

    /// <summary>
    /// Applies <paramref name="apply"/> to the current value and stores the result; returns what was stored.
    /// <paramref name="options"/> derives the due time / expiry from the value to store (null: neither).
    /// </summary>
    Task<T> UpdateAsync<T>(
        string collection,
        string key,
        JsonTypeInfo<T> type,
        Func<Versioned<T>, T> apply,
        Func<T, DocumentOptions>? options,
        CancellationToken cancellationToken)
        where T : class;
}
