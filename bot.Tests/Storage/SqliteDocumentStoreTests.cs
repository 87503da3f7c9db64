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
