using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FlywheelBot.Tests.Storage;

public sealed class VersionedStoreTests
{
    private const string Collection = "conversations";

    [Fact]
    public async Task Update_of_an_absent_record_inserts_it_at_version_one()
    {
        var store = new InMemoryDocumentStore();
        var versioned = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        Versioned<Counter>? seen = null;

        await versioned.UpdateAsync(Collection, "k", StorageTestJson.Default.Counter, c => (seen = c) is { Value: null } ? new Counter(1, "first") : c.Value!, null, CancellationToken.None);

        Assert.Equal(new Versioned<Counter>(null, 0, false), seen);
        Assert.Equal(1, (await store.GetAsync(Collection, "k", CancellationToken.None))?.Version);
    }

    [Fact]
    public async Task A_conflicting_write_from_elsewhere_is_re_read_and_the_update_re_applied()
    {
        var store = new InMemoryDocumentStore();
        var versioned = new VersionedStore(store, NullLogger<VersionedStore>.Instance);
        await versioned.UpdateAsync(Collection, "k", StorageTestJson.Default.Counter, _ => new Counter(1, "a"), null, CancellationToken.None);
        var applied = new List<int>();

        var result = await versioned.UpdateAsync(
            Collection,
            "k",
            StorageTestJson.Default.Counter,
            current =>
            {
                applied.Add(current.Value!.Value);
                if (applied.Count == 1)
                {
                    // Another instance answers in between our read and our write.
                    store.PutAsync(new DocumentWrite(Collection, "k", """{"value":10,"note":"other"}""", null), CancellationToken.None).GetAwaiter().GetResult();
                }

                return current.Value with { Value = current.Value.Value + 1 };
            },
            null,
            CancellationToken.None);

        Assert.Equal([1, 10], applied);
        Assert.Equal(11, result.Value);
        Assert.Equal(3, (await store.GetAsync(Collection, "k", CancellationToken.None))?.Version);
    }

    [Fact]
    public async Task Endless_conflicts_give_up_after_a_bounded_number_of_attempts_with_a_clear_exception()
    {
        var store = new Mock<IDocumentStore>();
        store.Setup(s => s.GetAsync(Collection, "k", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredDocument(Collection, "k", """{"value":1,"note":""}""", 1, DateTimeOffset.UnixEpoch, null, null));
        store.Setup(s => s.PutAsync(It.IsAny<DocumentWrite>(), It.IsAny<CancellationToken>())).ReturnsAsync(WriteResult.Conflict(2));
        var versioned = new VersionedStore(store.Object, NullLogger<VersionedStore>.Instance);

        var error = await Assert.ThrowsAsync<StoreConflictException>(() =>
            versioned.UpdateAsync(Collection, "k", StorageTestJson.Default.Counter, c => c.Value!, null, CancellationToken.None));

        Assert.Equal(VersionedStore.MaxAttempts, error.Attempts);
        Assert.Equal(Collection, error.Collection);
        store.Verify(s => s.PutAsync(It.IsAny<DocumentWrite>(), It.IsAny<CancellationToken>()), Times.Exactly(VersionedStore.MaxAttempts));
        Assert.Equal(0, versioned.ActiveKeys);
    }

    [Fact]
    public async Task Updates_of_one_key_never_run_at_the_same_time_within_a_process()
    {
        var versioned = new VersionedStore(new InMemoryDocumentStore(), NullLogger<VersionedStore>.Instance);
        var inside = 0;
        var overlaps = 0;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => versioned.UpdateAsync(
            Collection,
            "one",
            StorageTestJson.Default.Counter,
            current =>
            {
                if (Interlocked.Increment(ref inside) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                Thread.SpinWait(20_000);
                Interlocked.Decrement(ref inside);
                return new Counter((current.Value?.Value ?? 0) + 1, "");
            },
            null,
            CancellationToken.None))));

        var stored = await versioned.ReadAsync(Collection, "one", StorageTestJson.Default.Counter, CancellationToken.None);
        Assert.Equal(0, overlaps);
        Assert.Equal(50, stored.Value?.Value);
    }

    [Fact]
    public async Task Updates_of_different_keys_do_not_wait_for_each_other()
    {
        var versioned = new VersionedStore(new InMemoryDocumentStore(), NullLogger<VersionedStore>.Instance);
        using var release = new ManualResetEventSlim();
        var blocked = Task.Run(() => versioned.UpdateAsync(
            Collection, "slow", StorageTestJson.Default.Counter, _ => { release.Wait(TimeSpan.FromSeconds(10)); return new Counter(1, ""); }, null, CancellationToken.None));

        var other = await versioned.UpdateAsync(Collection, "fast", StorageTestJson.Default.Counter, _ => new Counter(2, ""), null, CancellationToken.None);
        var slowWasStillRunning = !blocked.IsCompleted;
        release.Set();
        await blocked;

        Assert.Equal(2, other.Value);
        Assert.True(slowWasStillRunning);
    }

    [Fact]
    public async Task A_failing_update_writes_nothing_and_releases_the_key()
    {
        var store = new InMemoryDocumentStore();
        var versioned = new VersionedStore(store, NullLogger<VersionedStore>.Instance);

        await Assert.ThrowsAsync<FormatException>(() => versioned.UpdateAsync<Counter>(
            Collection, "k", StorageTestJson.Default.Counter, _ => throw new FormatException(), null, CancellationToken.None));
        var after = await versioned.UpdateAsync(Collection, "k", StorageTestJson.Default.Counter, _ => new Counter(1, ""), null, CancellationToken.None);

        Assert.Equal(1, after.Value);
        Assert.Equal(1, (await store.GetAsync(Collection, "k", CancellationToken.None))?.Version);
        Assert.Equal(0, versioned.ActiveKeys);
    }

    [Fact]
    public async Task A_cancelled_wait_for_a_busy_key_releases_its_place()
    {
        var versioned = new VersionedStore(new InMemoryDocumentStore(), NullLogger<VersionedStore>.Instance);
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var holder = Task.Run(() => versioned.UpdateAsync(
            Collection, "k", StorageTestJson.Default.Counter, _ => { entered.Set(); release.Wait(TimeSpan.FromSeconds(10)); return new Counter(1, ""); }, null, CancellationToken.None));
        entered.Wait(TimeSpan.FromSeconds(10));
        using var cancel = new CancellationTokenSource();

        var waiter = versioned.UpdateAsync(Collection, "k", StorageTestJson.Default.Counter, _ => new Counter(2, ""), null, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        release.Set();
        await holder;

        Assert.Equal(0, versioned.ActiveKeys);
    }
}
