using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace FlywheelBot.Storage;

/// <summary>Keeps a few open <see cref="SqliteSession"/>s for reuse; extra ones are closed when returned.</summary>
internal sealed class SqliteSessionPool(string connectionString, int busyTimeoutMs, long walSizeLimitBytes) : IDisposable
{
    // Reads are short and synchronous, so only about as many run at once as there are threads running: a few
    // connections (each with its own page cache) serve them all and keep memory flat.
    private const int MaxIdle = 4;

    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;
    private volatile string _connectionString = connectionString;

    /// <summary>An idle session, or a newly opened one (opening a local file is synchronous in SQLite anyway).</summary>
    public SqliteSession Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }

        return Open();
    }

    /// <summary>A new session of its own, outside the pool (the writer's).</summary>
    public SqliteSession Open() => new(OpenConnection());

    /// <summary>Returns a session after use; one that saw an error is closed rather than reused.</summary>
    public void Return(SqliteSession session, bool healthy)
    {
        if (healthy && !_disposed && session.Connection.State == System.Data.ConnectionState.Open
            && Interlocked.Increment(ref _idleCount) <= MaxIdle)
        {
            _idle.Add(session);
            return;
        }

        if (healthy && !_disposed && session.Connection.State == System.Data.ConnectionState.Open)
        {
            Interlocked.Decrement(ref _idleCount);
        }

        session.Dispose();
    }

    /// <summary>Opens a plain connection with this pool's settings (for migrations, and under every session).</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = Pragmas;
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// From now on connections open an existing file only (the schema exists): if the file disappears, opening fails
    /// instead of quietly creating an empty database.
    /// </summary>
    public void StopCreating() =>
        _connectionString = new SqliteConnectionStringBuilder(_connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    // Per connection: wait (inside SQLite) for another process's write lock instead of failing; in WAL mode NORMAL
    // sync survives a process kill (a power cut may lose the last commits, never corrupt the file); a WAL that is
    // reset after a checkpoint is cut back to the size limit instead of keeping its largest size.
    private string Pragmas => $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = {walSizeLimitBytes};";
}
