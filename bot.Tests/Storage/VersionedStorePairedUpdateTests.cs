using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// <see cref="VersionedStore.UpdateWithAsync{T, TRead}"/>: an update that depends on another record reads both at once,
/// commits its write with a check of the other, and re-reads when either changed behind it.
/// </summary>
public sealed class VersionedStorePairedUpdateTests
{
    private const string Dialogs = "dialogs";
    private const string Profiles = "profiles";
    private static readonly DocumentKey Profile = new(Profiles, "k");

    [Fact]
    public async Task Updates_from_remembered_values_make_one_commit_each_and_no_read()
    {
        var store = new CountingAtomicStore(new InMemoryDocumentStore());
        var versioned = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        await versioned.UpdateAsync(Profiles, "k", StorageTestJson.Default.Counter, _ => new Counter(10, "profile"), null, CancellationToken.None);
        await AddProfileToDialog(versioned);
        var (reads, commits) = (store.Reads, store.Commits);

        for (var i = 0; i < 5; i++)
        {
            await AddProfileToDialog(versioned);
        }

        Assert.Equal(reads, store.Reads);
        Assert.Equal(commits + 5, store.Commits);
        Assert.Equal(60, Value(await store.GetAsync(Dialogs, "k", CancellationToken.None)));
    }

    [Fact]
    public async Task The_first_update_reads_both_records_in_one_go()
    {
        var store = new CountingAtomicStore(new InMemoryDocumentStore());
        await store.PutAsync(new DocumentWrite(Profiles, "k", """{"value":7,"note":"p"}""", 0), CancellationToken.None);
        var versioned = new VersionedStore(store, NullLogger<VersionedStore>.Instance);

        var result = await AddProfileToDialog(versioned);

        Assert.Equal(7, result.Value);
        Assert.Equal((1, 1), (store.Reads, store.Commits));
    }

    [Fact]
    public async Task A_read_record_another_instance_changed_is_re_read_and_the_update_applied_to_its_new_value()
    {
        var store = new InMemoryDocumentStore();
        var first = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        var second = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        await first.UpdateAsync(Profiles, "k", StorageTestJson.Default.Counter, _ => new Counter(1, "profile"), null, CancellationToken.None);
        await AddProfileToDialog(first);

        await second.UpdateAsync(Profiles, "k", StorageTestJson.Default.Counter, c => c.Value! with { Value = 100 }, null, CancellationToken.None);
        var result = await AddProfileToDialog(first);

        Assert.Equal(101, result.Value);
        Assert.Equal(101, Value(await store.GetAsync(Dialogs, "k", CancellationToken.None)));
    }

    [Fact]
    public async Task A_read_record_remembered_as_absent_that_another_instance_created_is_seen()
    {
        var store = new InMemoryDocumentStore();
        var first = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        var second = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        Assert.Equal(0, (await AddProfileToDialog(first)).Value);

        await second.UpdateAsync(Profiles, "k", StorageTestJson.Default.Counter, _ => new Counter(5, "created elsewhere"), null, CancellationToken.None);
        var result = await AddProfileToDialog(first);

        Assert.Equal(5, result.Value);
    }

    [Fact]
    public async Task A_dialog_written_by_another_instance_is_re_read_and_the_update_applied_to_it()
    {
        var store = new InMemoryDocumentStore();
        var first = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        var second = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        await first.UpdateAsync(Profiles, "k", StorageTestJson.Default.Counter, _ => new Counter(3, "profile"), null, CancellationToken.None);

        for (var i = 0; i < 10; i++)
        {
            await AddProfileToDialog(i % 3 == 0 ? second : first);
        }

        Assert.Equal(30, Value(await store.GetAsync(Dialogs, "k", CancellationToken.None)));
    }

    [Fact]
    public async Task A_store_without_atomic_commits_reads_the_other_record_then_updates()
    {
        var store = new PlainStore(new InMemoryDocumentStore());
        var versioned = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        await versioned.UpdateAsync(Profiles, "k", StorageTestJson.Default.Counter, _ => new Counter(4, "profile"), null, CancellationToken.None);

        await AddProfileToDialog(versioned);
        var result = await AddProfileToDialog(versioned);

        Assert.Equal(8, result.Value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_change_of_the_read_record_is_stored_with_the_update_and_applied_to_its_current_value(bool atomic)
    {
        var inner = new InMemoryDocumentStore();
        IDocumentStore store = atomic ? new CountingAtomicStore(inner) : new PlainStore(inner);
        var versioned = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        var other = new VersionedStore(inner, NullLogger<VersionedStore>.Instance);
        await versioned.UpdateAsync(Profiles, "k", StorageTestJson.Default.Counter, _ => new Counter(1, "profile"), null, CancellationToken.None);
        await AddProfileToDialog(versioned);
        await other.UpdateAsync(Profiles, "k", StorageTestJson.Default.Counter, c => c.Value! with { Value = 2 }, null, CancellationToken.None);

        var result = await versioned.UpdateWithAsync(
            Dialogs,
            "k",
            StorageTestJson.Default.Counter,
            Profile,
            StorageTestJson.Default.Counter,
            (dialog, profile) => new PairedChange<Counter, Counter>(dialog.Value! with { Note = "doubled the profile" }, p => p! with { Value = p.Value * 2 }),
            null,
            CancellationToken.None);

        Assert.Equal(1, result.Value);
        Assert.Equal(4, Value(await inner.GetAsync(Profiles, "k", CancellationToken.None)));
        Assert.Equal("doubled the profile", System.Text.Json.JsonSerializer.Deserialize((await inner.GetAsync(Dialogs, "k", CancellationToken.None))!.Json, StorageTestJson.Default.Counter)!.Note);
        if (store is CountingAtomicStore counting)
        {
            // Set-up read the profile once and both once; the remembered profile was then stale: one more read of both.
            Assert.Equal(3, counting.Reads);
        }
    }

    /// <summary>The dialog counter grows by the profile's value (0 without a profile).</summary>
    private static Task<Counter> AddProfileToDialog(IVersionedStore versioned) =>
        versioned.UpdateWithAsync(
            Dialogs,
            "k",
            StorageTestJson.Default.Counter,
            Profile,
            StorageTestJson.Default.Counter,
            (dialog, profile) => new PairedChange<Counter, Counter>(new Counter((dialog.Value?.Value ?? 0) + (profile.Value?.Value ?? 0), "dialog")),
            null,
            CancellationToken.None);

    private static int Value(StoredDocument? document) =>
        System.Text.Json.JsonSerializer.Deserialize(document!.Json, StorageTestJson.Default.Counter)!.Value;

    /// <summary>Counts reads (single or many) and commits of an atomic store.</summary>
    private sealed class CountingAtomicStore(InMemoryDocumentStore inner) : PlainStore(inner), IAtomicDocumentStore
    {
        private int _reads;
        private int _commits;

        public int Reads => _reads;

        public int Commits => _commits;

        public override Task<StoredDocument?> GetAsync(string collection, string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return base.GetAsync(collection, key, cancellationToken);
        }

        public Task<IReadOnlyList<StoredDocument?>> GetManyAsync(IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return inner.GetManyAsync(keys, cancellationToken);
        }

        public Task<IReadOnlyList<long>?> CommitAsync(IReadOnlyList<DocumentWrite> writes, IReadOnlyList<DocumentCheck> checks, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _commits);
            return inner.CommitAsync(writes, checks, cancellationToken);
        }

        public Task<CommitResult?> CommitAsync(AtomicCommit commit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _commits);
            return inner.CommitAsync(commit, cancellationToken);
        }
    }

    /// <summary>A store with only <see cref="IDocumentStore"/> (no atomic commits).</summary>
    private class PlainStore(IDocumentStore inner) : IDocumentStore
    {
        public virtual Task<StoredDocument?> GetAsync(string collection, string key, CancellationToken cancellationToken) => inner.GetAsync(collection, key, cancellationToken);

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
