using Microsoft.Data.Sqlite;

namespace FlywheelBot.Storage;

/// <summary>
/// The embedded default: one SQLite file in WAL mode (readers never block the writer). Reads run on pooled
/// connections. SQLite admits one writer per file, so this process's writes go through one <see cref="SqliteWriteQueue"/>:
/// whatever writes are waiting are committed together in one transaction (group commit) on the writer's own connection
/// instead of each turn queueing on a lock for a commit of its own; a busy timeout covers another process on the same
/// file. Every write is atomic and a caller hears of it only after its commit: a crash leaves either the old or the new
/// row, never half of one. SQLite's calls are synchronous (local file I/O, no network), so they run inline.
/// Checkpoints (copying the WAL back into the database file, with its fsyncs) run in the background every
/// <see cref="CheckpointInterval"/>, and after every <see cref="CheckpointEveryWrites"/> writes, on a connection of their
/// own, never in a write's commit, so no turn waits for one; under load they also make the WAL start over once it holds
/// <see cref="RestartWalFrames"/> frames, as continual readers would otherwise keep it growing without end;
/// once writes pause, one truncating checkpoint empties the WAL, and a WAL reset after a checkpoint is cut back to
/// <see cref="WalSizeLimitBytes"/>, so the WAL never keeps the size of its largest burst.
/// The file's identity (a random marker written into it at creation) is checked every <see cref="IdentityCheckInterval"/>:
/// when the file was deleted or replaced while the bot runs, the store stops (every operation fails with
/// <see cref="StorageStoppedException"/>, nothing more is written to the lost file), reports it to
/// <see cref="IStorageHealth.Problem"/> (readiness fails, turns answer 503) and logs exactly what happened.
/// </summary>
internal sealed class SqliteDocumentStore : IDocumentStore, IAtomicDocumentStore, IStorageSchema, IStorageHealth, IDisposable
{
    private const string Columns = "key, json, version, updated_at, due_at, expires_at";
    private const string Live = "(expires_at IS NULL OR expires_at > @now)";
    private const int PurgeBatch = 500;
    private const int BusyTimeoutMs = 10_000;

    /// <summary>How often the background checkpoint runs while there were writes.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);

    /// <summary>Under sustained writes, a checkpoint also runs after this many writes, whatever the timer.</summary>
    internal const int CheckpointEveryWrites = 512;

    /// <summary>A WAL of this many frames (4 MB of 4 KB pages) is made to start over (see <see cref="Checkpoint"/>).</summary>
    internal const long RestartWalFrames = 1024;

    /// <summary>How long a restarting checkpoint waits for the readers still on the WAL before it gives up for now.</summary>
    private const int RestartWaitMs = 50;

    /// <summary>How often the database file's identity is checked.</summary>
    public static readonly TimeSpan IdentityCheckInterval = TimeSpan.FromSeconds(2);

    /// <summary>A WAL that is reset after a checkpoint is truncated to this size.</summary>
    public const long WalSizeLimitBytes = 16L * 1024 * 1024;

    private const string UpsertAlways = """
        INSERT INTO documents (collection, key, json, version, updated_at, due_at, expires_at)
        VALUES (@c, @k, @j, 1, @now, @due, @exp)
        ON CONFLICT (collection, key) DO UPDATE SET
            json = excluded.json, version = documents.version + 1, updated_at = excluded.updated_at,
            due_at = excluded.due_at, expires_at = excluded.expires_at
        RETURNING version;
        """;

    // Insert-if-absent: an expired row counts as absent; its version keeps counting up so stale writers never match.
    private const string UpsertIfAbsent = """
        INSERT INTO documents (collection, key, json, version, updated_at, due_at, expires_at)
        VALUES (@c, @k, @j, 1, @now, @due, @exp)
        ON CONFLICT (collection, key) DO UPDATE SET
            json = excluded.json, version = documents.version + 1, updated_at = excluded.updated_at,
            due_at = excluded.due_at, expires_at = excluded.expires_at
        WHERE documents.expires_at IS NOT NULL AND documents.expires_at <= @now
        RETURNING version;
        """;

    private const string UpdateIfVersion = $"""
        UPDATE documents SET json = @j, version = version + 1, updated_at = @now, due_at = @due, expires_at = @exp
        WHERE collection = @c AND key = @k AND version = @expected AND {Live}
        RETURNING version;
        """;

    private readonly string _path;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SqliteSessionPool _sessions;
    private readonly SqliteWriteQueue _writes;
    private readonly Action<SqliteSession> _restartWal;
    private readonly ITimer _checkpoints;
    private readonly ITimer _identityChecks;
    private readonly string _checkConnectionString;
    private long _checkpointedAt;
    private long _truncatedAt;
    private int _checkpointing;
    private int _checkpointQueued;
    private int _writesSinceCheckpoint;
    private long _restarts;
    private long _checkpointsRun;
    private string? _identity;
    private volatile string? _failure;
    private volatile bool _disposed;
    private volatile string? _problem;
    private readonly OnceGate _migration = new();

    /// <summary>
    /// Opens (lazily) the file named by <paramref name="connectionString"/>; a relative <c>Data Source</c> resolves
    /// against <paramref name="baseDirectory"/> (the content root in the host; the current directory when null).
    /// </summary>
    public SqliteDocumentStore(
        string connectionString, TimeProvider clock, ILogger<SqliteDocumentStore> logger, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        (var resolved, _path) = Resolve(connectionString, baseDirectory ?? Directory.GetCurrentDirectory());
        _checkConnectionString = new SqliteConnectionStringBuilder(resolved) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        _sessions = new SqliteSessionPool(resolved, BusyTimeoutMs, WalSizeLimitBytes);
        _restartWal = RestartWal;
        _writes = new SqliteWriteQueue(OpenWriter, Committed);
        _clock = clock;
        _logger = logger;
        _checkpoints = clock.CreateTimer(_ => Checkpoint(), null, CheckpointInterval, CheckpointInterval);
        _identityChecks = clock.CreateTimer(_ => CheckIdentity(), null, IdentityCheckInterval, IdentityCheckInterval);
    }

    /// <summary>Set once the database file was found deleted or replaced (no path in it); null while the store is fine.</summary>
    public string? Problem => _problem;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _path;

    /// <summary>Checkpoints run so far, by the timer or by the writes (for tests).</summary>
    internal long Checkpoints => Interlocked.Read(ref _checkpointsRun);

    /// <summary>Restarting checkpoints run so far (for tests).</summary>
    internal long WalRestarts => Interlocked.Read(ref _restarts);

    /// <summary>Transactions the writer has committed (for tests: concurrent writes share commits).</summary>
    internal long Commits => _writes.Commits;

    /// <summary>
    /// Checks a SQLite connection string (parseable, naming a writable file, not an in-memory database) and returns
    /// it with the path made absolute and the store's own connection reuse in place of the driver's pool.
    /// </summary>
    public static (string ConnectionString, string Path) Resolve(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource)
            || builder.DataSource == ":memory:"
            || builder.Mode == SqliteOpenMode.Memory
            || builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException("A SQLite connection string must name a writable file: Data Source=path/to/file.db.", nameof(connectionString));
        }

        var path = Path.GetFullPath(builder.DataSource, baseDirectory);
        builder.DataSource = path;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = false;
        return (builder.ToString(), path);
    }

    public Task<StoredDocument?> GetAsync(string collection, string key, CancellationToken cancellationToken)
    {
        DocumentKeys.Validate(collection, key);
        return ReadAsync(session =>
        {
            var command = session.Command($"SELECT {Columns} FROM documents WHERE collection = @c AND key = @k AND {Live};");
            command.Parameters.AddWithValue("@c", collection);
            command.Parameters.AddWithValue("@k", DocumentKeys.StoredKey(key));
            command.Parameters.AddWithValue("@now", Now());
            var rows = ReadAll(command, collection);
            return rows.Count == 0 ? null : rows[0] with { Key = key };
        }, cancellationToken);
    }

    public Task<WriteResult> PutAsync(DocumentWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        DocumentKeys.Validate(write.Collection, write.Key);
        ArgumentNullException.ThrowIfNull(write.Json);
        if (write.ExpectedVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(write), "ExpectedVersion must be null, 0 or a stored version.");
        }

        return DeferredInsert.Current is null
            ? WriteAsync(session => Put(session, write, Now()), cancellationToken)
            : SettledAsync(() => WriteAsync(session => Put(session, write, Now()), cancellationToken), cancellationToken);
    }

    /// <summary>A write that cannot carry the flow's <see cref="DeferredInsert"/>: that is stored first, on its own.</summary>
    private async Task<T> SettledAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await DeferredInsert.SettleCurrentAsync(this, cancellationToken);
        return await write();
    }

    public Task<IReadOnlyList<StoredDocument?>> GetManyAsync(IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var (collection, key) in keys)
        {
            DocumentKeys.Validate(collection, key);
        }

        return ReadAsync<IReadOnlyList<StoredDocument?>>(session =>
        {
            var now = Now();
            var found = new StoredDocument?[keys.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                found[i] = Find(session, keys[i], now);
            }

            return found;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<long>?> CommitAsync(IReadOnlyList<DocumentWrite> writes, IReadOnlyList<DocumentCheck> checks, CancellationToken cancellationToken) =>
        (await CommitAsync(new AtomicCommit(writes, checks, [], []), cancellationToken))?.Versions;

    /// <summary>
    /// One queued write: inside the writer's transaction (nobody else can write meanwhile) every expectation is checked
    /// first, and only when all hold are the writes made, so a conflict writes nothing and costs the batch nothing; then
    /// the ensured records are inserted where absent and the reads are made, all in that transaction.
    /// (<see cref="AtomicCommit.DeferFlush"/> changes nothing here: the database's synchronous setting is the store's.)
    /// </summary>
    public Task<CommitResult?> CommitAsync(AtomicCommit commit, CancellationToken cancellationToken) =>
        DeferredInsert.CommitAsync(this, commit, CommitCoreAsync, cancellationToken);

    private Task<CommitResult?> CommitCoreAsync(AtomicCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        commit.Validate();
        return WriteAsync<CommitResult?>(session =>
        {
            var now = Now();

            // A lone conditional write (a turn's claim) is its own check: it writes nothing when its expectation fails.
            var lone = commit.Writes.Count == 1 && commit.Checks.Count == 0;
            if (!lone
                && (commit.Checks.Any(c => LiveVersion(session, c.Collection, c.Key, now) != c.Version)
                    || commit.Writes.Any(w => w.ExpectedVersion is { } expected && LiveVersion(session, w.Collection, w.Key, now) != expected)))
            {
                return null;
            }

            var versions = new long[commit.Writes.Count];
            for (var i = 0; i < commit.Writes.Count; i++)
            {
                var written = Put(session, commit.Writes[i], now);
                if (!written.Succeeded && lone)
                {
                    return null;
                }

                // Checked above under the writer's lock: a failure here is a bug, and throwing rolls the whole commit back.
                versions[i] = written.Succeeded ? written.Version : throw new InvalidOperationException("A checked write conflicted inside its commit.");
            }

            foreach (var ensured in commit.Ensured)
            {
                Ensure(session, ensured, now);
            }

            var read = new StoredDocument?[commit.Reads.Count];
            for (var i = 0; i < commit.Reads.Count; i++)
            {
                read[i] = Find(session, commit.Reads[i], now);
            }

            return new CommitResult(versions, read);
        }, cancellationToken);
    }

    public Task<bool> DeleteAsync(string collection, string key, long? expectedVersion, CancellationToken cancellationToken)
    {
        DocumentKeys.Validate(collection, key);
        return DeferredInsert.Current is null ? Delete() : SettledAsync(Delete, cancellationToken);

        Task<bool> Delete() => WriteAsync(session =>
        {
            var command = session.Command($"""
                DELETE FROM documents
                WHERE collection = @c AND key = @k AND (@expected IS NULL OR version = @expected) AND {Live};
                """);
            command.Parameters.AddWithValue("@c", collection);
            command.Parameters.AddWithValue("@k", DocumentKeys.StoredKey(key));
            command.Parameters.AddWithValue("@expected", expectedVersion is { } v ? v : DBNull.Value);
            command.Parameters.AddWithValue("@now", Now());
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string keyPrefix, int limit, CancellationToken cancellationToken)
    {
        DocumentKeys.ValidatePrefix(collection, keyPrefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(session =>
        {
            var command = session.Command($"""
                SELECT {Columns} FROM documents
                WHERE collection = @c AND key >= @prefix AND key < @upper AND substr(key, 1, @length) = @prefix AND {Live}
                ORDER BY key LIMIT @limit;
                """);
            command.Parameters.AddWithValue("@c", collection);
            command.Parameters.AddWithValue("@prefix", keyPrefix);
            command.Parameters.AddWithValue("@upper", DocumentKeys.UpperBound(keyPrefix));
            command.Parameters.AddWithValue("@length", DocumentKeys.CodePoints(keyPrefix));
            command.Parameters.AddWithValue("@now", Now());
            command.Parameters.AddWithValue("@limit", limit);
            return ReadAll(command, collection);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StoredDocument>> ListDueAsync(string collection, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(session =>
        {
            var command = session.Command($"""
                SELECT {Columns} FROM documents
                WHERE collection = @c AND due_at IS NOT NULL AND due_at <= @due AND {Live}
                ORDER BY due_at, key LIMIT @limit;
                """);
            command.Parameters.AddWithValue("@c", collection);
            command.Parameters.AddWithValue("@due", DocumentKeys.ToUnixMs(now));
            command.Parameters.AddWithValue("@now", Now());
            command.Parameters.AddWithValue("@limit", limit);
            return ReadAll(command, collection);
        }, cancellationToken);
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = 0;
        int purged;
        do
        {
            // Small batches, each its own short write, so turns interleave with a large purge.
            purged = await WriteAsync(session =>
            {
                var command = session.Command("""
                    DELETE FROM documents WHERE (collection, key) IN (
                        SELECT collection, key FROM documents
                        WHERE expires_at IS NOT NULL AND expires_at <= @now LIMIT @batch);
                    """);
                command.Parameters.AddWithValue("@now", DocumentKeys.ToUnixMs(now));
                command.Parameters.AddWithValue("@batch", PurgeBatch);
                return command.ExecuteNonQuery();
            }, cancellationToken);
            total += purged;
        }
        while (purged == PurgeBatch);

        return total;
    }

    public Task MigrateAsync(CancellationToken cancellationToken) => _migration.RunAsync(MigrateCoreAsync, cancellationToken);

    public int LatestMigration => SqliteMigrations.All[^1].Version;

    public async Task<IReadOnlyList<int>> GetAppliedMigrationsAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        await using var connection = _sessions.OpenConnection();
        return await AppliedAsync(connection, null, cancellationToken);
    }

    public void Dispose()
    {
        _disposed = true;
        _identityChecks.Dispose();
        _checkpoints.Dispose();
        _writes.Dispose();
        _sessions.Dispose();
        _migration.Dispose();
    }

    /// <summary>The writer's own connection: it never checkpoints inside a commit (see <see cref="Checkpoint"/>).</summary>
    private SqliteSession OpenWriter()
    {
        var session = _sessions.Open();
        using var pragma = session.Connection.CreateCommand();
        pragma.CommandText = "PRAGMA wal_autocheckpoint = 0;";
        pragma.ExecuteNonQuery();
        return session;
    }

    /// <summary>
    /// Called by the writer after each commit with the writes it held: every <see cref="CheckpointEveryWrites"/> writes
    /// a checkpoint is queued on the thread pool (never run by the writer), so under sustained load the WAL is kept
    /// small without waiting for the timer.
    /// </summary>
    private void Committed(int writes)
    {
        if (Interlocked.Add(ref _writesSinceCheckpoint, writes) >= CheckpointEveryWrites
            && Interlocked.CompareExchange(ref _checkpointQueued, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static store =>
                {
                    Interlocked.Exchange(ref store._checkpointQueued, 0);
                    store.Checkpoint();
                },
                this,
                preferLocal: false);
        }
    }

    /// <summary>
    /// While writes come: a passive checkpoint, which copies what it can of the WAL into the database file without
    /// waiting for (or blocking) readers or the writer. A passive checkpoint alone never lets the WAL start over while
    /// turns keep reading: SQLite rewinds the WAL only when a write begins with every frame copied back and no reader
    /// on a snapshot that uses the WAL, and under load some reader always is (the WAL grew by about 60 MB a second in
    /// the bench, 700 MB and rising, and each append to the ever longer file cost the kernel a block allocation and its
    /// zeroing: 14% of the bot's CPU). So once the WAL holds <see cref="RestartWalFrames"/> frames, the writer is asked
    /// for a restarting checkpoint before its next writes (<see cref="RestartWal"/>), so that the next write rewinds
    /// the WAL to its start and overwrites the file in place.
    /// The first check without writes: one truncating checkpoint empties the WAL file.
    /// </summary>
    private void Checkpoint()
    {
        var commits = _writes.Commits;
        var busy = commits != Interlocked.Read(ref _checkpointedAt);
        if (_disposed || !_migration.IsDone || _failure is not null || (!busy && commits == Interlocked.Read(ref _truncatedAt))
            || Interlocked.Exchange(ref _checkpointing, 1) == 1)
        {
            return;
        }

        SqliteSession? session = null;
        try
        {
            Interlocked.Exchange(ref _writesSinceCheckpoint, 0);
            session = _sessions.Rent();
            var (_, walFrames) = RunCheckpoint(session, busy ? "PRAGMA wal_checkpoint(PASSIVE);" : "PRAGMA wal_checkpoint(TRUNCATE);");
            if (busy && walFrames >= RestartWalFrames)
            {
                _writes.BetweenCommits(_restartWal);
            }

            _sessions.Return(session, healthy: true);
            Interlocked.Increment(ref _checkpointsRun);
            if (busy)
            {
                Interlocked.Exchange(ref _checkpointedAt, commits);
            }
            else
            {
                Interlocked.Exchange(ref _truncatedAt, commits);
            }
        }
        catch (Exception exception) when (exception is SqliteException or ObjectDisposedException or InvalidOperationException)
        {
            if (session is not null)
            {
                _sessions.Return(session, healthy: false);
            }

            _logger.CheckpointFailed(exception);
        }
        finally
        {
            Interlocked.Exchange(ref _checkpointing, 0);
        }
    }

    /// <summary>
    /// On the writer's connection, between two of its commits (so it never has to win the write lock from the writer):
    /// a restarting checkpoint, which copies back the frames written since the passive one and waits (at most
    /// <see cref="RestartWaitMs"/>, else it gives up until the next time) for the readers still on the WAL.
    /// </summary>
    private void RestartWal(SqliteSession writer)
    {
        try
        {
            writer.Command($"PRAGMA busy_timeout = {RestartWaitMs};").ExecuteNonQuery();
            try
            {
                if (!RunCheckpoint(writer, "PRAGMA wal_checkpoint(RESTART);").Busy)
                {
                    Interlocked.Increment(ref _restarts);
                }
            }
            finally
            {
                writer.Command($"PRAGMA busy_timeout = {BusyTimeoutMs};").ExecuteNonQuery();
            }
        }
        catch (Exception exception)
        {
            // Whatever went wrong is logged here: it runs on the writer's loop, which nothing may stop.
            _logger.CheckpointFailed(exception);
        }
    }

    /// <summary>Runs a checkpoint pragma: whether it could not finish (SQLite's "busy") and how many frames the WAL held.</summary>
    private static (bool Busy, long WalFrames) RunCheckpoint(SqliteSession session, string checkpoint)
    {
        using var reader = session.Command(checkpoint).ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0) != 0, reader.GetInt64(1)) : (true, 0);
    }

    /// <summary>
    /// Compares the file at the path with the one the store opened: gone, or carrying another identity marker (or none),
    /// means it was deleted or replaced under the running bot. Never creates a file (the check opens read-write only).
    /// </summary>
    internal void CheckIdentity()
    {
        if (!_migration.IsDone || _failure is not null || _identity is null)
        {
            return;
        }

        string? problem;
        try
        {
            if (!File.Exists(_path))
            {
                problem = "deleted";
            }
            else
            {
                using var connection = new SqliteConnection(_checkConnectionString);
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT id FROM store_identity LIMIT 1;";
                problem = command.ExecuteScalar() as string == _identity ? null : "replaced";
            }
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 14 or 26 or 1)
        {
            // 14 cannot open (gone), 26 not a database, 1 no such table: not the file this store created.
            problem = exception.SqliteErrorCode == 14 ? "deleted" : "replaced";
        }
        catch (SqliteException exception)
        {
            // Busy or locked: not evidence of anything; the next check looks again.
            _logger.IdentityCheckFailed(exception);
            return;
        }

        if (problem is not null)
        {
            Stop($"The SQLite database file {_path} was {problem} while the bot was running", $"the database file was {problem} while the bot was running");
        }
    }

    private void Stop(string what, string problem)
    {
        if (Interlocked.CompareExchange(ref _failure, what, null) is null)
        {
            _problem = problem;
            _logger.DatabaseFileLost(_path, what);
        }
    }

    private void ThrowIfStopped()
    {
        if (_failure is { } failure)
        {
            throw new StorageStoppedException($"{failure}; storage is stopped until the file is restored and the bot restarted.");
        }
    }

    /// <summary>Runs a read on a pooled session (migrating first on first use).</summary>
    private Task<T> ReadAsync<T>(Func<SqliteSession, T> read, CancellationToken cancellationToken)
    {
        if (_failure is not null)
        {
            return Task.FromException<T>(new StorageStoppedException($"{_failure}; storage is stopped."));
        }

        if (!_migration.IsDone)
        {
            return AfterMigrationAsync(() => ReadAsync(read, cancellationToken), cancellationToken);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        SqliteSession? session = null;
        try
        {
            session = _sessions.Rent();
            var result = read(session);
            _sessions.Return(session, healthy: true);
            return Task.FromResult(result);
        }
        catch (Exception exception)
        {
            if (session is not null)
            {
                _sessions.Return(session, healthy: false);
            }

            return Task.FromException<T>(exception);
        }
    }

    /// <summary>Queues a write for the writer (migrating first on first use); completes after its commit.</summary>
    private Task<T> WriteAsync<T>(Func<SqliteSession, T> write, CancellationToken cancellationToken)
    {
        // Checked again when the write runs: a write queued before the file was found lost is not written to it.
        T Guarded(SqliteSession session)
        {
            ThrowIfStopped();
            return write(session);
        }

        if (_failure is not null)
        {
            return Task.FromException<T>(new StorageStoppedException($"{_failure}; storage is stopped."));
        }

        return _migration.IsDone
            ? _writes.RunAsync(Guarded, cancellationToken)
            : AfterMigrationAsync(() => _writes.RunAsync(Guarded, cancellationToken), cancellationToken);
    }

    private async Task<T> AfterMigrationAsync<T>(Func<Task<T>> then, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return await then();
    }

    private async Task MigrateCoreAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = _sessions.OpenConnection();
        await using (var wal = connection.CreateCommand())
        {
            // Persistent in the file: set once, harmless to repeat.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteScalarAsync(cancellationToken);
        }

        // BEGIN IMMEDIATE: a second process migrating the same file waits here, then sees the steps as applied.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER NOT NULL PRIMARY KEY,
                    description TEXT NOT NULL,
                    applied_at INTEGER NOT NULL);
                """;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = await AppliedAsync(connection, transaction, cancellationToken);
        foreach (var migration in SqliteMigrations.All.Where(m => !applied.Contains(m.Version)))
        {
            await using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = migration.Sql;
            await step.ExecuteNonQueryAsync(cancellationToken);

            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @at);";
            record.Parameters.AddWithValue("@v", migration.Version);
            record.Parameters.AddWithValue("@d", migration.Description);
            record.Parameters.AddWithValue("@at", Now());
            await record.ExecuteNonQueryAsync(cancellationToken);
            _logger.MigrationApplied("Sqlite", migration.Version, migration.Description);
        }

        await transaction.CommitAsync(cancellationToken);

        await using (var identity = connection.CreateCommand())
        {
            identity.CommandText = "SELECT id FROM store_identity LIMIT 1;";
            _identity = await identity.ExecuteScalarAsync(cancellationToken) as string;
        }

        _sessions.StopCreating();

        var known = SqliteMigrations.All[^1].Version;
        var found = applied.Count == 0 ? known : Math.Max(applied[^1], known);
        if (found > known)
        {
            _logger.SchemaNewerThanBuild("Sqlite", found, known);
        }

        _logger.StorageReady("Sqlite", found);
    }

    private static async Task<IReadOnlyList<int>> AppliedAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM schema_migrations ORDER BY version;";
        var versions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static IReadOnlyList<StoredDocument> ReadAll(SqliteCommand command, string collection)
    {
        var documents = new List<StoredDocument>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            documents.Add(new StoredDocument(
                collection,
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2),
                DocumentKeys.FromUnixMs(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : DocumentKeys.FromUnixMs(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : DocumentKeys.FromUnixMs(reader.GetInt64(5))));
        }

        return documents;
    }

    private static WriteResult Put(SqliteSession session, DocumentWrite write, long now)
    {
        var command = session.Command(write.ExpectedVersion switch
        {
            null => UpsertAlways,
            0 => UpsertIfAbsent,
            _ => UpdateIfVersion,
        });
        AddWriteParameters(command, write, now, write.ExpectedVersion ?? 0);
        return command.ExecuteScalar() is long written
            ? WriteResult.Written(written)
            : WriteResult.Conflict(LiveVersion(session, write.Collection, write.Key, now));
    }

    /// <summary>The parameters of the write statements (<c>UpsertAlways</c>, <c>UpsertIfAbsent</c>, <c>UpdateIfVersion</c>).</summary>
    private static void AddWriteParameters(SqliteCommand command, DocumentWrite write, long now, long expected)
    {
        command.Parameters.AddWithValue("@c", write.Collection);
        command.Parameters.AddWithValue("@k", DocumentKeys.StoredKey(write.Key));
        command.Parameters.AddWithValue("@j", write.Json);
        command.Parameters.AddWithValue("@now", now);
        command.Parameters.AddWithValue("@due", Ms(write.DueAt));
        command.Parameters.AddWithValue("@exp", Ms(write.ExpiresAt));
        command.Parameters.AddWithValue("@expected", expected);
    }

    private static StoredDocument? Find(SqliteSession session, DocumentKey key, long now)
    {
        var command = session.Command($"SELECT {Columns} FROM documents WHERE collection = @c AND key = @k AND {Live};");
        command.Parameters.AddWithValue("@c", key.Collection);
        command.Parameters.AddWithValue("@k", DocumentKeys.StoredKey(key.Key));
        command.Parameters.AddWithValue("@now", now);
        var rows = ReadAll(command, key.Collection);
        return rows.Count == 0 ? null : rows[0] with { Key = key.Key };
    }

    /// <summary>Inserts the record only where no live one exists (an existing one is left as it is).</summary>
    private static void Ensure(SqliteSession session, DocumentWrite write, long now)
    {
        var command = session.Command(UpsertIfAbsent);
        AddWriteParameters(command, write, now, expected: 0L);
        command.ExecuteScalar();
    }

    /// <summary>The version of the live record under <paramref name="key"/> (mapped as stored), 0 when absent or expired.</summary>
    private static long LiveVersion(SqliteSession session, string collection, string key, long now)
    {
        var current = session.Command($"SELECT version FROM documents WHERE collection = @c AND key = @k AND {Live};");
        current.Parameters.AddWithValue("@c", collection);
        current.Parameters.AddWithValue("@k", DocumentKeys.StoredKey(key));
        current.Parameters.AddWithValue("@now", now);
        return current.ExecuteScalar() is long version ? version : 0;
    }

    private static object Ms(DateTimeOffset? time) => time is { } t ? DocumentKeys.ToUnixMs(t) : DBNull.Value;

    private long Now() => DocumentKeys.ToUnixMs(_clock.GetUtcNow());
}
