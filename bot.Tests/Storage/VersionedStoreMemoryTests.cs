using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlywheelBot.Tests.Storage;

/// <summary>The versioned store starts an update from the value it last read or wrote, and the version check keeps that safe.</summary>
public sealed class VersionedStoreMemoryTests
{
    private const string Collection = "dialogs";

    [Fact]
    public async Task An_update_after_this_process_wrote_the_record_does_not_read_it_again()
    {
        var store = new CountingStore(new InMemoryDocumentStore());
        var versioned = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        await Increment(versioned);
        var readsAfterFirst = store.Reads;

        for (var i = 0; i < 5; i++)
        {
            await Increment(versioned);
        }

        Assert.Equal(readsAfterFirst, store.Reads);
        Assert.Equal(6, (await versioned.ReadAsync(Collection, "k", StorageTestJson.Default.Counter, CancellationToken.None)).Value!.Value);
    }

    [Fact]
    public async Task An_update_after_a_read_starts_from_what_was_read()
    {
        var store = new CountingStore(new InMemoryDocumentStore());
        await store.PutAsync(new DocumentWrite(Collection, "k", """{"value":41,"note":"seed"}""", 0), CancellationToken.None);
        var versioned = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        await versioned.ReadAsync(Collection, "k", StorageTestJson.Default.Counter, CancellationToken.None);
        var reads = store.Reads;

        var result = await Increment(versioned);

        Assert.Equal(42, result.Value);
        Assert.Equal(reads, store.Reads);
    }

    [Fact]
    public async Task A_value_another_instance_changed_meanwhile_is_re_read_and_the_update_applied_to_it()
    {
        // Two instances over one store: each remembers its own last write, so one of them is always stale.
        var store = new InMemoryDocumentStore();
        var first = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        var second = new VersionedStore(store, NullLogger<VersionedStore>.Instance);

        for (var i = 0; i < 20; i++)
        {
            await Increment(i % 2 == 0 ? first : second);
            await Increment(i % 3 == 0 ? second : first);
        }

        var stored = await store.GetAsync(Collection, "k", CancellationToken.None);
        Assert.Equal(40, (await first.ReadAsync(Collection, "k", StorageTestJson.Default.Counter, CancellationToken.None)).Value!.Value);
        Assert.Equal(40, stored!.Version);
    }

    [Fact]
    public async Task A_record_deleted_behind_the_remembered_value_starts_again_from_nothing()
    {
        var store = new InMemoryDocumentStore();
        var versioned = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        await Increment(versioned);
        await Increment(versioned);

        Assert.True(await store.DeleteAsync(Collection, "k", expectedVersion: null, CancellationToken.None));
        var result = await Increment(versioned);

        Assert.Equal(1, result.Value);
    }

    [Fact]
    public async Task A_record_corrupted_behind_the_remembered_value_is_reported_unreadable()
    {
        var store = new InMemoryDocumentStore();
        var versioned = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        await Increment(versioned);
        var current = await store.GetAsync(Collection, "k", CancellationToken.None);
        await store.PutAsync(new DocumentWrite(Collection, "k", "{not json", current!.Version), CancellationToken.None);
        Versioned<Counter>? seen = null;

        await versioned.UpdateAsync(Collection, "k", StorageTestJson.Default.Counter, c => (seen = c).Value ?? new Counter(0, "fresh"), null, CancellationToken.None);

        Assert.True(seen!.WasUnreadable);
    }

    private static Task<Counter> Increment(IVersionedStore versioned) =>
        versioned.UpdateAsync(
            Collection,
            "k",
            StorageTestJson.Default.Counter,
            c => c.Value is { } v ? v with { Value = v.Value + 1 } : new Counter(1, "first"),
            null,
            CancellationToken.None);

    /// <summary>Counts the reads that reach the store.</summary>
    private sealed class CountingStore(IDocumentStore inner) : IDocumentStore
    {
        private int _reads;

        public int Reads => _reads;

        public Task<StoredDocument?> GetAsync(string collection, string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return inner.GetAsync(collection, key, cancellationToken);
        }

        public Task<WriteResult> PutAsync(DocumentWrite write, CancellationToken cancellationToken) => inner.PutAsync(write, cancellationToken);

        public Task<bool> DeleteAsync(string collection, string key, long? expectedVersion, CancellationToken cancellationToken) =>
            inner.DeleteAsync(collection, key, expectedVersion, cancellationToken);

        public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string keyPrefix, int limit, CancellationToken cancellationToken) =>
            inner.ListAsync(collection, keyPrefix, limit, cancellationToken);

        public Task<IReadOnlyList<StoredDocument>> ListDueAsync(string collection, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
            inner.ListDueAsync(collection, now, limit, cancellationToken);

        public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.PurgeExpiredAsync(now, cancellationToken);
    }
}
