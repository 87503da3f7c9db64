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

    /// <summary>
    /// Updates of the documents table so far and how many of them were heap-only (HOT: no index entry written, the old
    /// row version pruned in place), from the run's database's statistics (as of the last report; see the settle above).
    /// </summary>
    public async Task<(long Updates, long HeapOnly)> UpdatesAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'documents';", connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    /// <summary>
    /// CPU time (user and system) of each server backend connected to the run's database now, by process id, from
    /// /proc: null when the server is not on this machine (no such processes here) or /proc is missing.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, TimeSpan>?> BackendCpuAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @name;", connection);
        command.Parameters.AddWithValue("name", _name);
        var cpu = new Dictionary<int, TimeSpan>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            if (ProcessCpu(pid) is { } spent)
            {
                cpu[pid] = spent;
            }
        }

        return cpu.Count == 0 ? null : cpu;
    }

    /// <summary>
    /// CPU the backends spent between two <see cref="BackendCpuAsync"/> readings: a backend that started in between counts
    /// from zero. Null when either reading is missing.
    /// </summary>
    public static TimeSpan? CpuSpent(IReadOnlyDictionary<int, TimeSpan>? before, IReadOnlyDictionary<int, TimeSpan>? after)
    {
        if (before is null || after is null)
        {
            return null;
        }

        var spent = TimeSpan.Zero;
        foreach (var (pid, now) in after)
        {
            spent += now - before.GetValueOrDefault(pid);
        }

        return spent;
    }

    /// <summary>utime + stime of a process (fields 14 and 15 of /proc/{pid}/stat, in clock ticks of 10 ms).</summary>
    private static TimeSpan? ProcessCpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
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
