using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FlywheelBot.Storage;

/// <summary>
/// Typed read-modify-write over <see cref="IDocumentStore"/>. Updates of one key are serialized within this process
/// (<see cref="KeyedLock"/>); a writer elsewhere (another instance) is caught by the version check, and the loser
/// re-reads and re-applies, at most <see cref="MaxAttempts"/> times before <see cref="StoreConflictException"/>,
/// after a short random pause that grows with each attempt, so two busy instances cannot keep colliding in lockstep.
/// A record that does not deserialize (corrupt JSON, or a type that rejects an unknown future schema by throwing
/// <see cref="JsonException"/>, e.g. from <c>IJsonOnDeserialized</c>) is logged and read as absent, keeping its
/// version so the caller's fresh value overwrites it.
/// </summary>
internal sealed class VersionedStore(IDocumentStore store, ILogger<VersionedStore> logger, TimeProvider clock) : IVersionedStore
{
    public const int MaxAttempts = 10;

    public VersionedStore(IDocumentStore store, ILogger<VersionedStore> logger)
        : this(store, logger, TimeProvider.System)
    {
    }

    private readonly KeyedLock _locks = new();

    /// <summary>Keys currently locked or awaited in this process (for tests: the lock map must not leak).</summary>
    internal int ActiveKeys => _locks.ActiveKeys;

    public async Task<Versioned<T>> ReadAsync<T>(string collection, string key, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(type);
        var document = await store.GetAsync(collection, key, cancellationToken);
        return Deserialize(document, type);
    }

    public async Task<T> UpdateAsync<T>(
        string collection,
        string key,
        JsonTypeInfo<T> type,
        Func<Versioned<T>, T> apply,
        Func<T, DocumentOptions>? options,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(apply);
        using var held = await _locks.AcquireAsync(collection, key, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await ReadAsync(collection, key, type, cancellationToken);
            var next = apply(current) ?? throw new InvalidOperationException("An update must return a value to store.");
            var fields = options?.Invoke(next) ?? new DocumentOptions();
            var json = JsonSerializer.Serialize(next, type);
            var result = await store.PutAsync(
                new DocumentWrite(collection, key, json, current.Version, fields.DueAt, fields.ExpiresAt),
                cancellationToken);
            if (result.Succeeded)
            {
                return next;
            }

            logger.VersionConflict(collection, attempt);
            if (attempt < MaxAttempts)
            {
                await Task.Delay(ConflictPause(attempt), clock, cancellationToken);
            }
        }

        logger.GaveUp(collection, MaxAttempts);
        throw new StoreConflictException(collection, MaxAttempts);
    }

    /// <summary>1 ms up to 2^attempt ms (at most 256 ms), at random: spreads retries of competing instances apart.</summary>
    private static TimeSpan ConflictPause(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(1, 1 << Math.Min(attempt + 1, 8)));

    private Versioned<T> Deserialize<T>(StoredDocument? document, JsonTypeInfo<T> type)
        where T : class
    {
        if (document is null)
        {
            return new Versioned<T>(null, 0, false);
        }

        try
        {
            var value = JsonSerializer.Deserialize(document.Json, type);
            if (value is not null)
            {
                return new Versioned<T>(value, document.Version, false);
            }

            logger.UnreadableRecord(document.Collection, document.Version, "null document");
        }
        catch (JsonException exception)
        {
            // The exception message may quote stored (user) text: log only its type and position.
            logger.UnreadableRecord(document.Collection, document.Version, $"{exception.GetType().Name} at {exception.Path ?? "$"}");
        }

        return new Versioned<T>(null, document.Version, true);
    }
}
