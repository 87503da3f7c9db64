using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FlywheelBot.Storage;

/// <summary>
/// Typed read-modify-write over <see cref="IDocumentStore"/>. Updates of one key are serialized within this process
/// (<see cref="KeyedLock"/>); a writer elsewhere (another instance) is caught by the version check, and the loser
/// re-reads and re-applies, at most <see cref="MaxAttempts"/> times before <see cref="StoreConflictException"/>.
/// Between attempts it waits a short random moment (growing with the attempt, at most <see cref="MaxBackoffMs"/> ms),
/// so an instance that keeps losing to a busy one is not starved; only this key's local lock is held meanwhile.
/// A record that does not deserialize (corrupt JSON, or a type that rejects an unknown future schema by throwing
/// <see cref="JsonException"/>, e.g. from <c>IJsonOnDeserialized</c>) is logged and read as absent, keeping its
/// version so the caller's fresh value overwrites it.
/// The last value read or written per record is kept (<see cref="RecentVersions"/>) and an update starts from it
/// without reading: the write is conditional on its version, so a stale one is just a conflict and a re-read.
/// </summary>
internal sealed class VersionedStore(IDocumentStore store, ILogger<VersionedStore> logger, TimeProvider? clock = null) : IVersionedStore
{
    public const int MaxAttempts = 32;
    public const int MaxBackoffMs = 8;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private readonly KeyedLock _locks = new();

    private readonly RecentVersions _recent = new();

    /// <summary>Keys currently locked or awaited in this process (for tests: the lock map must not leak).</summary>
    internal int ActiveKeys => _locks.ActiveKeys;

    public async Task<Versioned<T>> ReadAsync<T>(string collection, string key, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(type);
        var document = await store.GetAsync(collection, key, cancellationToken);
        var read = Deserialize(document, type);
        if (read.Value is not null)
        {
            _recent.Remember(collection, key, read.Version, read.Value);
        }

        return read;
    }

    public bool Holds(DocumentKey key) => _recent.Contains(key.Collection, key.Key);

    public void Remember(DocumentKey key, StoredDocument? document)
    {
        if (document is null)
        {
            _recent.RememberAbsent(key.Collection, key.Key);
        }
        else
        {
            _recent.Remember(key.Collection, key.Key, document.Version, document);
        }
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
        return await UpdateLockedAsync(collection, key, type, apply, options, cancellationToken);
    }

    public async Task<T> UpdateWithAsync<T, TRead>(
        string collection,
        string key,
        JsonTypeInfo<T> type,
        DocumentKey read,
        JsonTypeInfo<TRead> readType,
        Func<Versioned<T>, Versioned<TRead>, PairedChange<T, TRead>> apply,
        Func<T, DocumentOptions>? options,
        CancellationToken cancellationToken)
        where T : class
        where TRead : class
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(readType);
        ArgumentNullException.ThrowIfNull(apply);
        using var held = await _locks.AcquireAsync(collection, key, cancellationToken);
        if (store is not IAtomicDocumentStore atomic)
        {
            // One record at a time: the other record as it is now, the update (not checked against it), then its change.
            var now = await ReadAsync(read.Collection, read.Key, readType, cancellationToken);
            PairedChange<T, TRead>? last = null;
            var updated = await UpdateLockedAsync(
                collection,
                key,
                type,
                current =>
                {
                    last = apply(current, now);
                    return last.Value;
                },
                options,
                cancellationToken);
            if (last?.ChangeRead is { } change)
            {
                await UpdateAsync(read.Collection, read.Key, readType, other => change(other.Value), null, cancellationToken);
            }

            foreach (var also in last?.Also ?? [])
            {
                await store.PutAsync(also, cancellationToken);
            }

            if (last?.Committed is { } committed)
            {
                var found = new List<StoredDocument?>();
                foreach (var (alsoCollection, alsoKey) in last.AlsoRead ?? [])
                {
                    found.Add(await store.GetAsync(alsoCollection, alsoKey, cancellationToken));
                }

                committed(found);
            }

            return updated;
        }

        var update = new PairedUpdate<T, TRead>(atomic, _recent, collection, key, type, read, readType, apply, options);

        // First from the remembered values (no read at all); when either was stale, the commit failed and wrote nothing.
        if (TryRecall(collection, key, type, out var remembered)
            && TryRecall(read.Collection, read.Key, readType, out var rememberedRead)
            && await update.TryCommitAsync(remembered, rememberedRead, cancellationToken) is { } done)
        {
            return done;
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var documents = await atomic.GetManyAsync([new DocumentKey(collection, key), read], cancellationToken);
            var current = Deserialize(documents[0], type);
            var other = Deserialize(documents[1], readType);
            if (other.Value is not null)
            {
                _recent.Remember(read.Collection, read.Key, other.Version, other.Value);
            }
            else if (other.Version == 0)
            {
                _recent.RememberAbsent(read.Collection, read.Key);
            }

            if (await update.TryCommitAsync(current, other, cancellationToken) is { } written)
            {
                return written;
            }

            logger.VersionConflict(collection, attempt);
            if (attempt < MaxAttempts)
            {
                await Task.Delay(Backoff(attempt), _clock, cancellationToken);
            }
        }

        logger.GaveUp(collection, MaxAttempts);
        throw new StoreConflictException(collection, MaxAttempts);
    }

    private async Task<T> UpdateLockedAsync<T>(
        string collection,
        string key,
        JsonTypeInfo<T> type,
        Func<Versioned<T>, T> apply,
        Func<T, DocumentOptions>? options,
        CancellationToken cancellationToken)
        where T : class
    {
        // First from the remembered value, with no read; if it was stale (another writer, an expiry), as usual below.
        if (TryRecall(collection, key, type, out var remembered)
            && await TryWriteAsync(collection, key, type, apply, options, remembered, cancellationToken) is { } done)
        {
            return done;
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await ReadAsync(collection, key, type, cancellationToken);
            if (await TryWriteAsync(collection, key, type, apply, options, current, cancellationToken) is { } written)
            {
                return written;
            }

            logger.VersionConflict(collection, attempt);
            if (attempt < MaxAttempts)
            {
                await Task.Delay(Backoff(attempt), _clock, cancellationToken);
            }
        }

        logger.GaveUp(collection, MaxAttempts);
        throw new StoreConflictException(collection, MaxAttempts);
    }

    /// <summary>Applies the update to <paramref name="current"/> and writes it if its version still holds; null on a conflict.</summary>
    private async Task<T?> TryWriteAsync<T>(
        string collection,
        string key,
        JsonTypeInfo<T> type,
        Func<Versioned<T>, T> apply,
        Func<T, DocumentOptions>? options,
        Versioned<T> current,
        CancellationToken cancellationToken)
        where T : class
    {
        var next = apply(current) ?? throw new InvalidOperationException("An update must return a value to store.");
        var fields = options?.Invoke(next) ?? new DocumentOptions();
        var json = JsonSerializer.Serialize(next, type);
        var result = await store.PutAsync(
            new DocumentWrite(collection, key, json, current.Version, fields.DueAt, fields.ExpiresAt),
            cancellationToken);
        if (result.Succeeded)
        {
            _recent.Remember(collection, key, result.Version, next);
            return next;
        }

        _recent.Forget(collection, key);
        return null;
    }

    /// <summary>
    /// The record as this process last read or wrote it (or found it absent), without a read: a record remembered as
    /// stored (<see cref="Remember(DocumentKey, StoredDocument?)"/>) is deserialized now, exactly as a read would be.
    /// </summary>
    private bool TryRecall<T>(string collection, string key, JsonTypeInfo<T> type, out Versioned<T> value)
        where T : class
    {
        if (_recent.TryGetOrAbsent(collection, key, out value))
        {
            return true;
        }

        if (!_recent.TryGetStored(collection, key, out var stored))
        {
            return false;
        }

        value = Deserialize(stored, type);
        if (value.Value is not null)
        {
            _recent.Remember(collection, key, value.Version, value.Value);
        }

        return true;
    }

    /// <summary>Up to <c>min(attempt, MaxBackoffMs)</c> ms, at random: contenders stop retrying in lockstep.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(attempt, MaxBackoffMs));

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
