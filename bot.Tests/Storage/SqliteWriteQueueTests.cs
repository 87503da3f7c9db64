using FlywheelBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Storage;

/// <summary>The SQLite writer: writes waiting together share one commit, and a failing write fails alone.</summary>
public sealed class SqliteWriteQueueTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"flywheel-queue-{Guid.NewGuid():N}");

    public SqliteWriteQueueTests()
    {
        Directory.CreateDirectory(_directory);
        using var session = Open();
        using var create = session.Connection.CreateCommand();
        create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER NOT NULL PRIMARY KEY);";
        create.ExecuteNonQuery();
    }

    private string DatabasePath => Path.Combine(_directory, "queue.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }

    [Fact]
    public async Task Writes_that_wait_together_are_committed_in_one_transaction()
    {
        using var queue = new SqliteWriteQueue(Open);
        var (blocker, release) = Blocker(queue);

        var writes = Enumerable.Range(1, 10).Select(i => queue.RunAsync(s => Insert(s, i), CancellationToken.None)).ToList();
        release();
        await blocker;
        await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(0, 11), Rows());
        Assert.Equal(2, queue.Commits);
    }

    [Fact]
    public async Task Work_asked_for_between_commits_runs_once_on_the_writer_outside_a_transaction_before_its_next_writes()
    {
        var counted = new List<int>();
        using var queue = new SqliteWriteQueue(Open, counted.Add);
        var (blocker, release) = Blocker(queue);
        var seen = new List<string>();
        queue.BetweenCommits(_ => seen.Add("replaced before it ran"));
        queue.BetweenCommits(s =>
        {
            // Outside a transaction: autocommit is on, and the rows written so far are there to see.
            using var count = s.Connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM t;";
            seen.Add($"autocommit {s.Transaction is null}, rows {count.ExecuteScalar()}");
        });

        var writes = Enumerable.Range(1, 3).Select(i => queue.RunAsync(s => Insert(s, i), CancellationToken.None)).ToList();
        release();
        await blocker;
        await Task.WhenAll(writes);
        await queue.RunAsync(s => Insert(s, 4), CancellationToken.None);

        Assert.Equal(["autocommit True, rows 1"], seen);
        Assert.Equal([1, 3, 1], counted);
        Assert.Equal(Enumerable.Range(0, 5), Rows());
    }

    [Fact]
    public async Task A_write_that_fails_inside_a_batch_fails_alone_and_leaves_nothing_half_written()
    {
        using var queue = new SqliteWriteQueue(Open);
        var (blocker, release) = Blocker(queue);

        var writes = Enumerable.Range(1, 10).Select(i => queue.RunAsync(
            s =>
            {
                Insert(s, i);
                return i == 5 ? throw new InvalidOperationException("write five fails after its insert") : i;
            },
            CancellationToken.None)).ToList();
        release();
        await blocker;
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return await w;
            }
            catch (InvalidOperationException)
            {
                return -1;
            }
        }));

        Assert.Equal([1, 2, 3, 4, -1, 6, 7, 8, 9, 10], outcomes);
        Assert.Equal(Enumerable.Range(0, 11).Where(x => x != 5), Rows());
    }

    [Fact]
    public async Task A_write_whose_caller_gave_up_before_it_ran_is_cancelled_and_not_written()
    {
        using var queue = new SqliteWriteQueue(Open);
        var (blocker, release) = Blocker(queue);
        using var giveUp = new CancellationTokenSource();

        var abandoned = queue.RunAsync(s => Insert(s, 1), giveUp.Token);
        var kept = queue.RunAsync(s => Insert(s, 2), CancellationToken.None);
        await giveUp.CancelAsync();
        release();
        await blocker;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(2, await kept);
        Assert.Equal([0, 2], Rows());
    }

    [Fact]
    public async Task Disposing_finishes_the_queued_writes_then_refuses_new_ones()
    {
        var queue = new SqliteWriteQueue(Open);
        var writes = Enumerable.Range(1, 20).Select(i => queue.RunAsync(s => Insert(s, i), CancellationToken.None)).ToList();

        queue.Dispose();

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.Equal(Enumerable.Range(1, 20), Rows());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queue.RunAsync(s => Insert(s, 99), CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_turns_on_the_store_share_commits()
    {
        using var store = new SqliteDocumentStore($"Data Source={Path.Combine(_directory, "store.db")}", TimeProvider.System, NullLogger<SqliteDocumentStore>.Instance);
        await store.MigrateAsync(CancellationToken.None);
        var before = store.Commits;

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            Task.Run(() => store.PutAsync(new DocumentWrite("activity-ids", $"a{i}", "{}", ExpectedVersion: 0), CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(500, (await store.ListAsync("activity-ids", "a", 1000, CancellationToken.None)).Count);
        Assert.InRange(store.Commits - before, 1, 499);
    }

    [Fact]
    public async Task The_writer_never_checkpoints_in_a_commit_the_background_checkpoint_copies_the_wal_back()
    {
        // Fewer writes than bring on a checkpoint of their own, but far beyond SQLite's automatic checkpoint (1,000 WAL
        // pages: each record takes three), had the writer been left to checkpoint.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var writes = SqliteDocumentStore.CheckpointEveryWrites - 1;
        var (store, path, sizeAfterMigration) = await StoreAfterWritesAsync(clock, "checkpoint.db", writes, 9000);
        using var _ = store;

        Assert.True(new FileInfo(path + "-wal").Length > 1000L * 4096, "the WAL passed SQLite's automatic checkpoint");
        Assert.Equal(sizeAfterMigration, new FileInfo(path).Length);
        clock.Advance(SqliteDocumentStore.CheckpointInterval);
        Assert.True(new FileInfo(path).Length > sizeAfterMigration + (writes * 9000L), "the checkpoint copied the records into the database file");
    }

    [Fact]
    public async Task Every_so_many_writes_a_checkpoint_runs_off_the_writer_whatever_the_timer()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var writes = SqliteDocumentStore.CheckpointEveryWrites;
        var (store, path, sizeAfterMigration) = await StoreAfterWritesAsync(clock, "by-writes.db", writes, 3000);
        using var _ = store;

        // The checkpoint is queued on the thread pool by the last commit; the timer never fired.
        var copied = false;
        for (var waited = 0; waited < 300 && !copied; waited++)
        {
            copied = new FileInfo(path).Length > sizeAfterMigration + (writes * 3000L);
            if (!copied)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(copied, "a checkpoint copied the records into the database file within 30 s of the last write");
    }

    /// <summary>
    /// A store on a fresh file (its timer moved only by the test's clock) after <paramref name="writes"/> writes, one
    /// at a time, of records of <paramref name="size"/> characters; with the database file's size after migration.
    /// </summary>
    private async Task<(SqliteDocumentStore Store, string Path, long SizeAfterMigration)> StoreAfterWritesAsync(
        FakeTimeProvider clock, string name, int writes, int size)
    {
        var path = Path.Combine(_directory, name);
        var store = new SqliteDocumentStore($"Data Source={path}", clock, NullLogger<SqliteDocumentStore>.Instance);
        await store.MigrateAsync(CancellationToken.None);
        var sizeAfterMigration = new FileInfo(path).Length;
        var body = $"{{\"text\":\"{new string('x', size)}\"}}";
        for (var i = 0; i < writes; i++)
        {
            await store.PutAsync(new DocumentWrite("dialogs", $"k{i}", body, ExpectedVersion: null), CancellationToken.None);
        }

        return (store, path, sizeAfterMigration);
    }

    private static int Insert(SqliteSession session, int x)
    {
        var command = session.Command("INSERT INTO t (x) VALUES (@x);");
        command.Parameters.AddWithValue("@x", x);
        command.ExecuteNonQuery();
        return x;
    }

    /// <summary>Holds the writer inside a first write (row 0) until released, so the next writes queue up together.</summary>
    private static (Task<int> Blocker, Action Release) Blocker(SqliteWriteQueue queue)
    {
        var started = new ManualResetEventSlim();
        var gate = new ManualResetEventSlim();
        var blocker = queue.RunAsync(
            s =>
            {
                started.Set();
                gate.Wait(TimeSpan.FromSeconds(30));
                return Insert(s, 0);
            },
            CancellationToken.None);
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        return (blocker, gate.Set);
    }

    private SqliteSession Open()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return new SqliteSession(connection);
    }

    private List<int> Rows()
    {
        using var session = Open();
        using var read = session.Connection.CreateCommand();
        read.CommandText = "SELECT x FROM t ORDER BY x;";
        using var reader = read.ExecuteReader();
        var rows = new List<int>();
        while (reader.Read())
        {
            rows.Add(reader.GetInt32(0));
        }

        return rows;
    }
}
