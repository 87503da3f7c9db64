using Npgsql;

namespace FlywheelBot.Bench;

/// <summary>
/// A database of its own for each PostgreSQL run (created from the given connection string, dropped afterwards), so
/// the run starts on empty tables and its round trips can be counted: <c>pg_stat_database</c> counts the transactions
/// the server finished in that database, and a statement or batch sent on its own is one transaction, so over the
/// turn phase this is the turns' round trips (plus the bot's little background work, and these queries).
/// </summary>
internal sealed class PostgresActivity : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private PostgresActivity(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string of the run's own database.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresActivity> CreateDatabaseAsync(string connectionString)
    {
        var name = $"flywheel_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
            await create.ExecuteNonQueryAsync();
        }

        var own = new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString;
        return new PostgresActivity(connectionString, name, own);
    }

    public async Task<long> TransactionsAsync()
    {
        // A backend reports its statistics when it goes idle, but at most once a second: what a busy backend did in the
        // second after its last report waits for the next idle report, PostgreSQL's PGSTAT_IDLE_INTERVAL (10 s) later.
        // Waiting less lost up to a second's worth of turns (the faster the turns, the more: 8% at 1,300 turns/s).
        await Task.Delay(StatisticsSettle);

        // Asked from the admin database, so this query and its connection's start-up are not counted in the run's.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = @name;", connection);
        command.Parameters.AddWithValue("name", _name);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>PostgreSQL's idle statistics interval (10 s) and a margin.</summary>
    private static readonly TimeSpan StatisticsSettle = TimeSpan.FromSeconds(11);

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE);", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
