using FlywheelBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FlywheelBot.Tests.Storage;

public sealed class ExpiredRecordPurgerTests
{
    [Fact]
    public async Task Purges_at_start_and_then_every_interval_with_the_current_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var calls = new List<DateTimeOffset>();
        var store = new Mock<IDocumentStore>();
        store.Setup(s => s.PurgeExpiredAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback<DateTimeOffset, CancellationToken>((now, _) => { lock (calls) { calls.Add(now); } })
            .ReturnsAsync(3);
        using var purger = new ExpiredRecordPurger(
            store.Object, Options.Create(new StorageOptions { PurgeInterval = TimeSpan.FromMinutes(10) }), clock, NullLogger<ExpiredRecordPurger>.Instance);

        await purger.StartAsync(CancellationToken.None);
        await WaitForAsync(() => Count(calls) == 1);
        clock.Advance(TimeSpan.FromMinutes(9));
        await Task.Delay(50);
        var beforeInterval = Count(calls);
        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForAsync(() => Count(calls) == 2);
        clock.Advance(TimeSpan.FromMinutes(10));
        await WaitForAsync(() => Count(calls) == 3);
        await purger.StopAsync(CancellationToken.None);

        Assert.Equal(1, beforeInterval);
        Assert.Equal(
            [clock.Start, clock.Start.AddMinutes(10), clock.Start.AddMinutes(20)],
            calls);
    }

    [Fact]
    public async Task A_failing_purge_is_logged_and_retried_next_interval()
    {
        var clock = new FakeTimeProvider();
        var attempts = 0;
        var store = new Mock<IDocumentStore>();
        store.Setup(s => s.PurgeExpiredAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(() => Interlocked.Increment(ref attempts) == 1 ? Task.FromException<int>(new IOException("disk")) : Task.FromResult(0));
        using var purger = new ExpiredRecordPurger(
            store.Object, Options.Create(new StorageOptions { PurgeInterval = TimeSpan.FromMinutes(1) }), clock, NullLogger<ExpiredRecordPurger>.Instance);

        await purger.StartAsync(CancellationToken.None);
        await WaitForAsync(() => Volatile.Read(ref attempts) == 1);
        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForAsync(() => Volatile.Read(ref attempts) == 2);
        await purger.StopAsync(CancellationToken.None);

        Assert.False(purger.ExecuteTask?.IsFaulted);
    }

    private static int Count(List<DateTimeOffset> calls)
    {
        lock (calls)
        {
            return calls.Count;
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
