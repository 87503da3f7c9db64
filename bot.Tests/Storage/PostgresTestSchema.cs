using Npgsql;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// A fresh schema on the PostgreSQL peer for one test (its connection string sets <c>Search Path</c>), dropped on
/// dispose. A test that reads a whole collection (due check-ins, for one) must have one: on the shared default schema
/// it also sees the records of any other test run on the same server at that moment, and acts on them.
/// </summary>
internal sealed class PostgresTestSchema : IAsyncDisposable
{
    private readonly string _name;

    private PostgresTestSchema(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresTestSchema> CreateAsync(string prefix)
    {
        var server = PostgresPeer.RequireConnectionString();
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA \"{name}\";", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresTestSchema(name, new NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresPeer.RequireConnectionString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_name}\" CASCADE;", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
