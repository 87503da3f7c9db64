using FlywheelBot.Hosting;
using FlywheelBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// A database that is not reachable at start is retried with backoff for a bounded time (readiness 503 meanwhile),
/// then start-up gives up with a message naming the setting; a misconfigured one fails at once.
/// </summary>
public sealed class StorageStartupTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly StorageReadiness _readiness = new();
    private readonly Mock<IHostApplicationLifetime> _lifetime = new();
    private readonly Mock<IDocumentStore> _store = new();
    private readonly Queue<Exception?> _outcomes = new();
    private readonly List<DateTimeOffset> _attemptTimes = [];
    private int _attempts;

    public StorageStartupTests()
    {
        _store.As<IStorageSchema>().Setup(s => s.MigrateAsync(It.IsAny<CancellationToken>())).Returns(() =>
        {
            Interlocked.Increment(ref _attempts);
            _attemptTimes.Add(_clock.GetUtcNow());
            return _outcomes.TryDequeue(out var outcome) && outcome is not null ? Task.FromException(outcome) : Task.CompletedTask;
        });
        _store.As<IStorageSchema>().SetupGet(s => s.LatestMigration).Returns(1);
        _store.As<IStorageSchema>().Setup(s => s.GetAppliedMigrationsAsync(It.IsAny<CancellationToken>())).ReturnsAsync([1]);
    }

    [Fact]
    public async Task An_unreachable_database_is_retried_with_growing_delays_until_it_answers()
    {
        Fail(3, () => new TimeoutException("connect timed out"));
        using var startup = Startup(TimeSpan.FromMinutes(2));

        await startup.StartAsync(CancellationToken.None);
        Assert.Equal(StorageState.Starting, _readiness.State);
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);
        Assert.Contains("not reachable yet", (await CheckAsync()).Description, StringComparison.Ordinal);

        // Fake time moves in small steps until the fourth attempt succeeds (the loop never sleeps on real time).
        for (var step = 0; step < 1000 && _readiness.State != StorageState.Ready; step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(2);
        }

        Assert.Equal(StorageState.Ready, _readiness.State);
        Assert.Equal(4, _attemptTimes.Count);
        var gaps = _attemptTimes.Zip(_attemptTimes.Skip(1), (a, b) => b - a).ToList();
        Assert.True(gaps[0] >= TimeSpan.FromSeconds(1) && gaps[1] >= TimeSpan.FromSeconds(2) && gaps[2] >= TimeSpan.FromSeconds(4), string.Join(", ", gaps));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        _lifetime.Verify(l => l.StopApplication(), Times.Never);
        await startup.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_database_still_unreachable_after_the_retry_time_stops_the_bot_naming_the_setting()
    {
        Fail(1000, () => new Npgsql.NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)));
        using var startup = Startup(TimeSpan.FromSeconds(20));

        await startup.StartAsync(CancellationToken.None);
        // Fake time moves a second at a time until the loop gives up (it never sleeps on real time).
        for (var step = 0; step < 500 && _readiness.State != StorageState.Failed; step++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.True(_clock.GetUtcNow() - _clock.Start >= TimeSpan.FromSeconds(20), "gave up before Storage:StartupRetryTimeout");
        await WaitForAsync(() => _readiness.State == StorageState.Failed);
        Assert.Contains("Storage:StartupRetryTimeout", _readiness.FatalError, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", _readiness.FatalError, StringComparison.Ordinal);
        Assert.Equal("storage could not be opened", (await CheckAsync()).Description);
        _lifetime.Verify(l => l.StopApplication(), Times.Once);
        Assert.InRange(Volatile.Read(ref _attempts), 3, 10);
    }

    [Fact]
    public async Task A_misconfigured_database_fails_start_up_at_once()
    {
        Fail(1, () => new InvalidOperationException("database \"flywheel\" does not exist"));
        using var startup = Startup(TimeSpan.FromMinutes(2));

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => startup.StartAsync(CancellationToken.None));

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _attempts);
    }

    [Fact]
    public async Task With_no_retry_time_an_unreachable_database_fails_start_up_at_once()
    {
        Fail(1, () => new TimeoutException("connect timed out"));
        using var startup = Startup(TimeSpan.Zero);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => startup.StartAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Readiness_reports_the_problem_the_store_itself_reports()
    {
        _store.As<IStorageHealth>().SetupGet(h => h.Problem).Returns("the database file was deleted");
        _readiness.MarkReady();

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("the database file was deleted", result.Description);
    }

    [Fact]
    public async Task Readiness_fails_when_the_newest_migration_is_not_applied_or_the_store_does_not_answer()
    {
        _readiness.MarkReady();
        _store.As<IStorageSchema>().SetupGet(s => s.LatestMigration).Returns(2);
        Assert.Equal("storage migrations are not applied", (await CheckAsync()).Description);

        _store.As<IStorageSchema>().Setup(s => s.GetAppliedMigrationsAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException());
        Assert.Equal("storage is not reachable", (await CheckAsync()).Description);
    }

    private void Fail(int times, Func<Exception> error)
    {
        for (var i = 0; i < times; i++)
        {
            _outcomes.Enqueue(error());
        }
    }

    private StorageStartup Startup(TimeSpan retryTimeout) => new(
        _store.Object,
        Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db", StartupRetryTimeout = retryTimeout }),
        _readiness,
        _lifetime.Object,
        _clock,
        NullLogger<StorageStartup>.Instance);

    private Task<HealthCheckResult> CheckAsync() =>
        new StorageHealthCheck(_store.Object, _readiness).CheckHealthAsync(new HealthCheckContext());

    /// <summary>Waits (on real time, generously) for the background loop to catch up with the fake clock.</summary>
    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the start-up loop did not get there");
    }
}
