using FlywheelBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlywheelBot.Tests.Storage;

/// <summary>The conformance suite on a fresh SQLite file per test (two store objects on one file = two processes).</summary>
public sealed class SqliteDocumentStoreConformance : DurableDocumentStoreConformance
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"flywheel-storage-{Guid.NewGuid():N}");

    private string DatabasePath => Path.Combine(_directory, "nested", "bot.db");

    protected override IReadOnlyList<int> ShippedMigrations => SqliteMigrations.All.Select(m => m.Version).ToList();

    protected override IDocumentStore CreateStore() =>
        new SqliteDocumentStore($"Data Source={DatabasePath}", Clock, NullLogger<SqliteDocumentStore>.Instance);

    protected override Task CleanUpAsync()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }

        return Task.CompletedTask;
    }

    protected override async Task<IAsyncDisposable> BeginUncommittedOverwriteAsync(string key, string json)
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE documents SET json = @j, version = version + 1 WHERE collection = @c AND key = @k;";
        update.Parameters.AddWithValue("@j", json);
        update.Parameters.AddWithValue("@c", Collection);
        update.Parameters.AddWithValue("@k", key);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
        return connection;
    }
}
