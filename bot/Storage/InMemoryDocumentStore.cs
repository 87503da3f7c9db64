using System.Collections.Concurrent;

namespace FlywheelBot.Storage;

/// <summary>
/// <see cref="IDocumentStore"/> in this process's memory, with the same semantics as the real providers (it runs the
/// storage conformance suite): versions, expired records counting as absent, code point key order, UTC millisecond
/// times. Nothing survives the process: for the terminal chat, and for tests of features above storage.
/// </summary>
internal sealed class InMemoryDocumentStore(TimeProvider clock) : IDocumentStore, IAtomicDocumentStore
{
    private readonly ConcurrentDictionary<(string, string), StoredDocument> _docs = new();
    private readonly Lock _gate = new();

    public InMemoryDocumentStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>
    /// Fault injection for tests of storage trouble: given the operation ("put" or "delete") and the collection, an
    /// exception to fail with, or null to go ahead.
    /// </summary>
    public Func<string, string, Exception?>? Fault { get; set; }

    public Task<StoredDocument?> GetAsync(string collection, string key, CancellationToken cancellationToken) => Task.FromResult(Get(collection, key));

    public async Task<WriteResult> PutAsync(DocumentWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await DeferredInsert.SettleCurrentAsync(this, cancellationToken);
        if (Fault?.Invoke("put", write.Collection) is { } fault)
        {
            throw fault;
        }

        return Put(write);
    }

    private StoredDocument? Get(string collection, string key)
    {
        _docs.TryGetValue((collection, key), out var doc);
        return doc is not null && !IsExpired(doc) ? doc : null;
    }

    private WriteResult Put(DocumentWrite write)
    {
        lock (_gate)
        {
            _docs.TryGetValue((write.Collection, write.Key), out var stored);
            var current = stored is not null && IsExpired(stored) ? null : stored;
            var currentVersion = current?.Version ?? 0;
            if (write.ExpectedVersion is { } expected && expected != currentVersion)
            {
                return WriteResult.Conflict(currentVersion);
            }

            // Like the databases, a record replacing an expired one keeps counting versions up.
            var next = new StoredDocument(
                write.Collection,
                write.Key,
                write.Json,
                (stored?.Version ?? 0) + 1,
                Utc(clock.GetUtcNow()),
                write.DueAt is { } due ? Utc(due) : null,
                write.ExpiresAt is { } expires ? Utc(expires) : null);
            _docs[(write.Collection, write.Key)] = next;
            return WriteResult.Written(next.Version);
        }
    }

    public Task<IReadOnlyList<StoredDocument?>> GetManyAsync(IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredDocument?>>([.. keys.Select(k => Get(k.Collection, k.Key))]);

    public async Task<IReadOnlyList<long>?> CommitAsync(IReadOnlyList<DocumentWrite> writes, IReadOnlyList<DocumentCheck> checks, CancellationToken cancellationToken) =>
        (await CommitAsync(new AtomicCommit(writes, checks, [], []), cancellationToken))?.Versions;

    public Task<CommitResult?> CommitAsync(AtomicCommit commit, CancellationToken cancellationToken) =>
        DeferredInsert.CommitAsync(this, commit, CommitCoreAsync, cancellationToken);

    private Task<CommitResult?> CommitCoreAsync(AtomicCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        commit.Validate();
        foreach (var write in commit.Writes.Concat(commit.Ensured))
        {
            if (Fault?.Invoke("put", write.Collection) is { } fault)
            {
                return Task.FromException<CommitResult?>(fault);
            }
        }

        lock (_gate)
        {
            if (commit.Checks.Any(c => LiveVersion(c.Collection, c.Key) != c.Version)
                || commit.Writes.Any(w => w.ExpectedVersion is { } expected && LiveVersion(w.Collection, w.Key) != expected))
            {
                return Task.FromResult<CommitResult?>(null);
            }

            long[] versions = [.. commit.Writes.Select(w => Put(w).Version)];
            foreach (var ensured in commit.Ensured)
            {
                Put(ensured with { ExpectedVersion = 0 });
            }

            StoredDocument?[] read = [.. commit.Reads.Select(k => Get(k.Collection, k.Key))];
            return Task.FromResult<CommitResult?>(new CommitResult(versions, read));
        }
    }

    public async Task<bool> DeleteAsync(string collection, string key, long? expectedVersion, CancellationToken cancellationToken)
    {
        await DeferredInsert.SettleCurrentAsync(this, cancellationToken);
        if (Fault?.Invoke("delete", collection) is { } fault)
        {
            throw fault;
        }

        lock (_gate)
        {
            return _docs.TryGetValue((collection, key), out var current)
                && !IsExpired(current)
                && (expectedVersion is not { } v || v == current.Version)
                && _docs.TryRemove((collection, key), out _);
        }
    }

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string keyPrefix, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredDocument>>(_docs.Values
            .Where(d => d.Collection == collection && d.Key.StartsWith(keyPrefix, StringComparison.Ordinal) && !IsExpired(d))
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Take(limit)
            .ToList());

    public Task<IReadOnlyList<StoredDocument>> ListDueAsync(string collection, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredDocument>>(_docs.Values
            .Where(d => d.Collection == collection && d.DueAt is { } due && due <= now && !IsExpired(d))
            .OrderBy(d => d.DueAt)
            .ThenBy(d => d.Key, StringComparer.Ordinal)
            .Take(limit)
            .ToList());

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var purged = 0;
        lock (_gate)
        {
            foreach (var (id, doc) in _docs)
            {
                if (doc.ExpiresAt is { } at && at <= now && _docs.TryRemove(id, out _))
                {
                    purged++;
                }
            }
        }

        return Task.FromResult(purged);
    }

    private long LiveVersion(string collection, string key) =>
        _docs.TryGetValue((collection, key), out var doc) && !IsExpired(doc) ? doc.Version : 0;

    private static DateTimeOffset Utc(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    private bool IsExpired(StoredDocument doc) => doc.ExpiresAt is { } at && at <= clock.GetUtcNow();
}
