using Microsoft.Data.Sqlite;

namespace FlywheelBot.Storage;

/// <summary>
/// One open SQLite connection with its per-connection settings applied once and its commands kept prepared, so a
/// turn pays neither for opening nor for re-parsing SQL. Used by one operation at a time (see <see cref="SqliteSessionPool"/>).
/// </summary>
internal sealed class SqliteSession(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    /// <summary>The transaction the session's commands run in (the writer's batch), or null for autocommit.</summary>
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>The prepared command for <paramref name="sql"/>, with its parameters cleared for this use.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        command.Transaction = Transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        connection.Dispose();
    }
}
