using FlywheelBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlywheelBot.Tests.Storage;

public sealed class SqliteDocumentStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"flywheel-sqlite-{Guid.NewGuid():N}");

    public void Dispose()
    {
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
    public async Task First_use_creates_the_directories_and_a_wal_mode_database_file()
    {
        var path = Path.Combine(_directory, "a", "b", "bot.db");
        using (var store = new SqliteDocumentStore($"Data Source={path}", TimeProvider.System, NullLogger<SqliteDocumentStore>.Instance))
        {
            Assert.False(File.Exists(path));
            await store.PutAsync(new DocumentWrite("c", "k", "{}", 0), CancellationToken.None);
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync() as string);
    }

    [Fact]
    public async Task After_a_burst_of_writes_the_WAL_file_is_emptied_once_writes_pause()
    {
        var path = Path.Combine(_directory, "wal.db");
        var wal = new FileInfo(path + "-wal");
        using var store = new SqliteDocumentStore($"Data Source={path}", TimeProvider.System, NullLogger<SqliteDocumentStore>.Instance);
        var payload = $"{{\"padding\":\"{new string('x', 8000)}\"}}";

        await Task.WhenAll(Enumerable.Range(0, 3000).Select(i =>
            store.PutAsync(new DocumentWrite("burst", $"k{i}", payload, ExpectedVersion: null), CancellationToken.None)));
        wal.Refresh();
        var afterBurst = wal.Exists ? wal.Length : 0;

        var emptied = false;
        for (var waited = 0; waited < 100 && !emptied; waited++)
        {
            await Task.Delay(100);
            wal.Refresh();
            emptied = wal.Exists && wal.Length == 0;
        }

        Assert.True(afterBurst > 1024 * 1024, $"the burst filled the WAL ({afterBurst} bytes)");
        Assert.True(emptied, $"the WAL was emptied within 10 s of the last write (still {wal.Length} bytes)");
        Assert.Equal(payload, (await store.GetAsync("burst", "k2999", CancellationToken.None))?.Json);
    }

    [Fact]
    public async Task Under_sustained_writes_with_turns_always_reading_the_WAL_starts_over_instead_of_growing()
    {
        // The timer never fires here: only the checkpoints the writes themselves bring on run. A reader thread keeps a
        // read transaction open at every moment (each new one begins before the last ends), as a busy bot's turns do,
        // so SQLite never finds the moment to rewind the WAL by itself: without the restarting checkpoint these 10,240
        // writes (about six pages each, with the index) left a WAL of 240 MB, growing by 12 MB a round. With it, each
        // round's checkpoint has the writer restart the WAL; a restart that finds a reader still on the WAL after 50 ms
        // gives up until the next checkpoint (a round later), so a descheduled reader thread may let one round's
        // frames pile onto the next: the bound allows three such rounds in a row, a fifth of the growth without.
        var path = Path.Combine(_directory, "sustained.db");
        var wal = new FileInfo(path + "-wal");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var store = new SqliteDocumentStore($"Data Source={path}", clock, NullLogger<SqliteDocumentStore>.Instance);
        await store.MigrateAsync(CancellationToken.None);
        var payload = $"{{\"padding\":\"{new string('x', 6000)}\"}}";
        await store.PutAsync(new DocumentWrite("sustained", "k0", payload, ExpectedVersion: null), CancellationToken.None);

        using var stop = new CancellationTokenSource();
        var reads = 0L;
        var readers = new Thread(() => reads = ReadContinually(path, stop.Token)) { IsBackground = true };
        readers.Start();
        long largest = 0;
        var sizes = new List<string>();
        try
        {
            for (var round = 0; round < 20; round++)
            {
                var checkpoints = store.Checkpoints;
                for (var i = 0; i < SqliteDocumentStore.CheckpointEveryWrites; i++)
                {
                    await store.PutAsync(new DocumentWrite("sustained", $"k{(round * 1000) + i}", payload, ExpectedVersion: null), CancellationToken.None);
                }

                // The round's checkpoint runs on the thread pool: wait for it, however busy the machine.
                for (var waited = 0; store.Checkpoints == checkpoints && waited < 600; waited++)
                {
                    await Task.Delay(50);
                }

                Assert.True(store.Checkpoints > checkpoints, $"round {round}: the writes brought on a checkpoint within 30 s");

                wal.Refresh();
                largest = Math.Max(largest, wal.Length);
                sizes.Add($"{wal.Length / 1024} KB after {store.WalRestarts} restarts");
            }
        }
        finally
        {
            stop.Cancel();
            readers.Join();
        }

        Assert.True(reads > 100, $"the reader thread kept reading ({reads} read transactions)");
        Assert.True(store.WalRestarts >= 1, "a restarting checkpoint ran");
        Assert.True(largest <= 4 * SqliteDocumentStore.WalSizeLimitBytes, $"the WAL stayed within {4 * SqliteDocumentStore.WalSizeLimitBytes} bytes (largest seen: {largest}) round by round: {string.Join(", ", sizes)}");
        Assert.Equal(payload, (await store.GetAsync("sustained", "k19511", CancellationToken.None))?.Json);
    }

    /// <summary>Two connections taking turns so that one of them always holds an open read transaction.</summary>
    private static long ReadContinually(string path, CancellationToken stop)
    {
        using var first = new SqliteConnection($"Data Source={path};Pooling=False");
        using var second = new SqliteConnection($"Data Source={path};Pooling=False");
        first.Open();
        second.Open();
        var (holding, idle) = (first.BeginTransaction(deferred: true), second);
        Read(holding);
        var reads = 1L;
        while (!stop.IsCancellationRequested)
        {
            var started = idle.BeginTransaction(deferred: true);
            Read(started);
            idle = holding.Connection!;
            holding.Commit();
            holding.Dispose();
            holding = started;
            reads++;
        }

        holding.Commit();
        holding.Dispose();
        return reads;

        static void Read(SqliteTransaction transaction)
        {
            using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT count(*) FROM documents WHERE collection = 'sustained' AND key = 'k0';";
            command.ExecuteScalar();
        }
    }

    [Theory]
    [InlineData("Data Source=data/flywheelbot.db", "data/flywheelbot.db")]
    [InlineData("Data Source=./x/../y/bot.db;Cache=Shared", "y/bot.db")]
    [InlineData("Filename=bot.db", "bot.db")]
    public void A_relative_data_source_resolves_against_the_base_directory(string connectionString, string relative)
    {
        using var store = new SqliteDocumentStore(connectionString, TimeProvider.System, NullLogger<SqliteDocumentStore>.Instance, _directory);

        Assert.Equal(Path.GetFullPath(Path.Combine(_directory, relative)), store.DatabasePath);
    }

    [Fact]
    public void An_absolute_data_source_is_kept()
    {
        var path = Path.Combine(_directory, "abs.db");

        using var store = new SqliteDocumentStore($"Data Source={path}", TimeProvider.System, NullLogger<SqliteDocumentStore>.Instance, "/elsewhere");

        Assert.Equal(path, store.DatabasePath);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=x.db;Mode=Memory")]
    [InlineData("Data Source=x.db;Mode=ReadOnly")]
    [InlineData("Data Source=")]
    public void A_connection_string_not_naming_a_writable_file_is_rejected(string connectionString)
    {
        Assert.Throws<ArgumentException>(() => new SqliteDocumentStore(connectionString, TimeProvider.System, NullLogger<SqliteDocumentStore>.Instance, _directory));
    }

    [Fact]
    public async Task Keys_with_nul_characters_are_rejected_before_reaching_the_database()
    {
        using var store = new SqliteDocumentStore($"Data Source={Path.Combine(_directory, "nul.db")}", TimeProvider.System, NullLogger<SqliteDocumentStore>.Instance);

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(new DocumentWrite("c", "a\0b", "{}", 0), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync("c", "", CancellationToken.None));
    }
}
