using FlywheelBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// The conformance suite on the PostgreSQL peer, each test in its own fresh schema (via <c>Search Path</c>), so
/// parallel runs and other helpers never collide. Two store objects = two data sources = two bot instances.
/// </summary>
[RequiresPostgres]
public sealed class PostgresDocumentStoreConformance : DurableDocumentStoreConformance
{
    private readonly string _schema = $"fw_test_{Guid.NewGuid():N}";
    private string? _connectionString;

    protected override IReadOnlyList<int> ShippedMigrations => PostgresMigrations.All.Select(m => m.Version).ToList();

    protected override async Task PrepareAsync()
    {
        var server = PostgresPeer.RequireConnectionString();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA \"{_schema}\";", connection);
            await create.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema }.ConnectionString;
    }

    protected override IDocumentStore CreateStore() =>
        new PostgresDocumentStore(_connectionString!, Clock, NullLogger<PostgresDocumentStore>.Instance);

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(PostgresPeer.RequireConnectionString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE;", connection);
        await drop.ExecuteNonQueryAsync();
    }

    protected override async Task<IAsyncDisposable> BeginUncommittedOverwriteAsync(string key, string json)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString!) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var update = new NpgsqlCommand(
            "UPDATE documents SET json = @j, version = version + 1 WHERE collection = @c AND key = @k;", connection, transaction);
        update.Parameters.AddWithValue("j", json);
        update.Parameters.AddWithValue("c", Collection);
        update.Parameters.AddWithValue("k", key);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
        return connection;
    }
}
