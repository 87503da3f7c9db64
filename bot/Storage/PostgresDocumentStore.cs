using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace FlywheelBot.Storage;

/// <summary>
/// The scale-out provider: several bot instances share one PostgreSQL database. Every write is one atomic statement
/// whose version check happens inside the database (no lock is held in the app across network I/O), so two instances
/// writing one record race safely: exactly one matches the expected version, the other gets a conflict.
/// Claiming due records across instances (check-ins): <see cref="ListDueAsync"/>, then <see cref="PutAsync"/> with the
/// listed version and a new due time; only the instance whose write succeeds owns that occurrence.
/// </summary>
internal sealed partial class PostgresDocumentStore : IDocumentStore, IAtomicDocumentStore, IStorageSchema, IAsyncDisposable, IDisposable
{
    /// <summary>The SQLSTATE <c>flywheel_expect</c> raises: a commit's version expectation did not hold.</summary>
    private const string ExpectationFailed = "FW409";

    private const string Columns = "key, json, version, updated_at, due_at, expires_at";
    private const string Live = "(expires_at IS NULL OR expires_at > @now)";
    private const int PurgeBatch = 500;

    private const string UpsertAlways = """
        INSERT INTO documents AS d (collection, key, json, version, updated_at, due_at, expires_at)
        VALUES (@c, @k, @j, 1, @now, @due, @exp)
        ON CONFLICT (collection, key) DO UPDATE SET
            json = excluded.json, version = d.version + 1, updated_at = excluded.updated_at,
            due_at = excluded.due_at, expires_at = excluded.expires_at
        RETURNING d.version;
        """;

    // Insert-if-absent: an expired row counts as absent; its version keeps counting up so stale writers never match.
    private const string UpsertIfAbsent = """
        INSERT INTO documents AS d (collection, key, json, version, updated_at, due_at, expires_at)
        VALUES (@c, @k, @j, 1, @now, @due, @exp)
        ON CONFLICT (collection, key) DO UPDATE SET
            json = excluded.json, version = d.version + 1, updated_at = excluded.updated_at,
            due_at = excluded.due_at, expires_at = excluded.expires_at
        WHERE d.expires_at IS NOT NULL AND d.expires_at <= @now
        RETURNING d.version;
        """;

    private const string UpdateIfVersion = $"""
        UPDATE documents SET json = @j, version = version + 1, updated_at = @now, due_at = @due, expires_at = @exp
        WHERE collection = @c AND key = @k AND version = @expected AND {Live}
        RETURNING version;
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly OnceGate _migration = new();

    public PostgresDocumentStore(string connectionString, TimeProvider clock, ILogger<PostgresDocumentStore> logger)
        : this(connectionString, accessToken: null, clock, logger)
    {
    }

    /// <param name="accessToken">
    /// When given and the connection string has no password: the Entra access token that serves as the password,
    /// asked again well before it expires (Azure Database for PostgreSQL with Entra authentication).
    /// </param>
    public PostgresDocumentStore(
        string connectionString, Func<CancellationToken, ValueTask<string>>? accessToken, TimeProvider clock, ILogger<PostgresDocumentStore> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _dataSource = PostgresDataSource.Create(connectionString, accessToken);
        _clock = clock;
        _logger = logger;
    }

    public async Task<StoredDocument?> GetAsync(string collection, string key, CancellationToken cancellationToken)
    {
        DocumentKeys.Validate(collection, key);
        await MigrateAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM documents WHERE collection = @c AND key = @k AND {Live};");
        command.Parameters.AddWithValue("c", collection);
        command.Parameters.AddWithValue("k", DocumentKeys.StoredKey(key));
        command.Parameters.AddWithValue("now", Now());
        var rows = await ReadAllAsync(command, collection, cancellationToken);
        return rows.Count == 0 ? null : rows[0] with { Key = key };
    }

    public async Task<WriteResult> PutAsync(DocumentWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        DocumentKeys.Validate(write.Collection, write.Key);
        ArgumentNullException.ThrowIfNull(write.Json);
        if (write.ExpectedVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(write), "ExpectedVersion must be null, 0 or a stored version.");
        }

        await DeferredInsert.SettleCurrentAsync(this, cancellationToken);
        await MigrateAsync(cancellationToken);
        var now = Now();
        await using (var command = _dataSource.CreateCommand(write.ExpectedVersion switch
        {
            null => UpsertAlways,
            0 => UpsertIfAbsent,
            _ => UpdateIfVersion,
        }))
        {
            AddWriteParameters(command.Parameters, write, now);
            if (await command.ExecuteScalarAsync(cancellationToken) is long written)
            {
                return WriteResult.Written(written);
            }
        }

        await using var current = _dataSource.CreateCommand(
            $"SELECT version FROM documents WHERE collection = @c AND key = @k AND {Live};");
        current.Parameters.AddWithValue("c", write.Collection);
        current.Parameters.AddWithValue("k", DocumentKeys.StoredKey(write.Key));
        current.Parameters.AddWithValue("now", now);
        return WriteResult.Conflict(await current.ExecuteScalarAsync(cancellationToken) is long version ? version : 0);
    }

    public async Task<IReadOnlyList<StoredDocument?>> GetManyAsync(IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var (collection, key) in keys)
        {
            DocumentKeys.Validate(collection, key);
        }

        await MigrateAsync(cancellationToken);
        var now = Now();
        await using var batch = _dataSource.CreateBatch();
        foreach (var (collection, key) in keys)
        {
            var select = new NpgsqlBatchCommand($"SELECT {Columns} FROM documents WHERE collection = @c AND key = @k AND {Live};");
            select.Parameters.AddWithValue("c", collection);
            select.Parameters.AddWithValue("k", DocumentKeys.StoredKey(key));
            select.Parameters.AddWithValue("now", now);
            batch.BatchCommands.Add(select);
        }

        var found = new StoredDocument?[keys.Count];
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0)
            {
                await reader.NextResultAsync(cancellationToken);
            }

            if (await reader.ReadAsync(cancellationToken))
            {
                found[i] = ReadRow(reader, keys[i].Collection) with { Key = keys[i].Key };
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<long>?> CommitAsync(IReadOnlyList<DocumentWrite> writes, IReadOnlyList<DocumentCheck> checks, CancellationToken cancellationToken) =>
        (await CommitAsync(new AtomicCommit(writes, checks, [], []), cancellationToken))?.Versions;

    /// <summary>
    /// One batch, one round trip, one implicit transaction: each check and each conditional write asks
    /// <c>flywheel_expect</c> whether its expectation held, which raises when it did not, and the error rolls back
    /// everything the batch already wrote. Ensured records are inserts that do nothing over a live record; the reads
    /// come last and see the batch's own writes. A deferred flush is <c>set_config('synchronous_commit', 'off', true)</c>
    /// at the start: local to this transaction, so the pooled connection keeps the server's setting for the next one.
    /// </summary>
    public Task<CommitResult?> CommitAsync(AtomicCommit commit, CancellationToken cancellationToken) =>
        DeferredInsert.CommitAsync(this, commit, CommitCoreAsync, cancellationToken);

    private async Task<CommitResult?> CommitCoreAsync(AtomicCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        commit.Validate();
        await MigrateAsync(cancellationToken);
        var now = Now();
        await using var batch = _dataSource.CreateBatch();
        if (commit.DeferFlush)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('synchronous_commit', 'off', true);"));
        }

        // The checks and conditional writes: one statement when their keys are distinct (every commit the app makes),
        // else one statement each, in order.
        var together = commit.Writes.Count + commit.Checks.Count > 1 && DistinctKeys(commit);
        var first = batch.BatchCommands.Count;
        if (together)
        {
            batch.BatchCommands.Add(ExpectAll(commit, now));
        }
        else
        {
            foreach (var check in commit.Checks)
            {
                var command = new NpgsqlBatchCommand(
                    $"SELECT flywheel_expect(COALESCE((SELECT version FROM documents WHERE collection = @c AND key = @k AND {Live}), 0) = @expected);");
                command.Parameters.AddWithValue("c", check.Collection);
                command.Parameters.AddWithValue("k", DocumentKeys.StoredKey(check.Key));
                command.Parameters.AddWithValue("now", now);
                command.Parameters.AddWithValue("expected", check.Version);
                batch.BatchCommands.Add(command);
            }

            foreach (var write in commit.Writes)
            {
                batch.BatchCommands.Add(WriteCommand($"WITH w AS ({Statement(write).TrimEnd().TrimEnd(';')}) SELECT flywheel_expect(count(*) = 1), max(version) FROM w;", write, now));
            }
        }

        foreach (var ensured in commit.Ensured)
        {
            batch.BatchCommands.Add(WriteCommand(UpsertIfAbsent, ensured, now));
        }

        var firstRead = batch.BatchCommands.Count;
        foreach (var (collection, key) in commit.Reads)
        {
            var select = new NpgsqlBatchCommand($"SELECT {Columns} FROM documents WHERE collection = @c AND key = @k AND {Live};");
            select.Parameters.AddWithValue("c", collection);
            select.Parameters.AddWithValue("k", DocumentKeys.StoredKey(key));
            select.Parameters.AddWithValue("now", now);
            batch.BatchCommands.Add(select);
        }

        var versions = new long[commit.Writes.Count];
        var read = new StoredDocument?[commit.Reads.Count];
        var expectations = firstRead - commit.Ensured.Count;
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            for (var i = 0; i < batch.BatchCommands.Count; i++)
            {
                if (i > 0)
                {
                    await reader.NextResultAsync(cancellationToken);
                }

                if (i < first || (i >= expectations && i < firstRead))
                {
                    continue;
                }

                var found = await reader.ReadAsync(cancellationToken);
                if (i >= firstRead)
                {
                    var key = commit.Reads[i - firstRead];
                    read[i - firstRead] = found ? ReadRow(reader, key.Collection) with { Key = key.Key } : null;
                }
                else if (together)
                {
                    // flywheel_expect, then each write's new version.
                    for (var w = 0; w < versions.Length; w++)
                    {
                        versions[w] = reader.GetInt64(1 + w);
                    }
                }
                else if (i >= first + commit.Checks.Count)
                {
                    versions[i - first - commit.Checks.Count] = reader.GetInt64(1);
                }
            }
        }
        catch (PostgresException exception) when (exception.SqlState == ExpectationFailed)
        {
            return null;
        }

        return new CommitResult(versions, read);
    }

    private static string Statement(DocumentWrite write) => write.ExpectedVersion switch
    {
        null => UpsertAlways,
        0 => UpsertIfAbsent,
        _ => UpdateIfVersion,
    };

    private static bool DistinctKeys(AtomicCommit commit)
    {
        var keys = new HashSet<(string, string)>();
        return commit.Writes.All(w => keys.Add((w.Collection, w.Key))) && commit.Checks.All(c => keys.Add((c.Collection, c.Key)));
    }

    /// <summary>
    /// Every check and conditional write of a commit as one statement: each write a data-modifying CTE (run to
    /// completion whatever the rest does), then one <c>flywheel_expect</c> over all of them (each write touched its one
    /// row; each checked record is at its version, as of the statement's start, so before these writes, like the
    /// statements one by one), then each write's new version. One statement instead of one per write and check: one
    /// executor start, one function call, one result for the server and for Npgsql.
    /// </summary>
    private static NpgsqlBatchCommand ExpectAll(AtomicCommit commit, DateTime now)
    {
        // The text depends only on the commit's shape (each write's kind, how many checks): made once per shape, so
        // each turn's commit neither builds it nor makes Npgsql hash a new string to find its prepared statement.
        var shape = new System.Text.StringBuilder(commit.Writes.Count + 4);
        foreach (var write in commit.Writes)
        {
            shape.Append(write.ExpectedVersion switch { null => 'A', 0 => 'I', _ => 'U' });
        }

        shape.Append(CultureInfo.InvariantCulture, $"/{commit.Checks.Count}");
        // Positional parameters ($1, $2, ...) in the order of WriteParameters: Npgsql sends the text as it is,
        // where named ones make it parse every statement to rewrite them (a few per cent of a turn's CPU).
        var command = new NpgsqlBatchCommand(Shapes.GetOrAdd(shape.ToString(), _ => ExpectAllText(commit)));
        var parameters = command.Parameters;
        foreach (var write in commit.Writes)
        {
            parameters.Add(new NpgsqlParameter { Value = write.Collection });
            parameters.Add(new NpgsqlParameter { Value = DocumentKeys.StoredKey(write.Key) });
            parameters.Add(new NpgsqlParameter { Value = write.Json });
            parameters.Add(Time(string.Empty, write.DueAt));
            parameters.Add(Time(string.Empty, write.ExpiresAt));
            parameters.Add(new NpgsqlParameter { Value = write.ExpectedVersion ?? 0 });
        }

        foreach (var check in commit.Checks)
        {
            parameters.Add(new NpgsqlParameter { Value = check.Collection });
            parameters.Add(new NpgsqlParameter { Value = DocumentKeys.StoredKey(check.Key) });
            parameters.Add(new NpgsqlParameter { Value = check.Version });
        }

        parameters.Add(new NpgsqlParameter { Value = now });
        return command;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Shapes = new(StringComparer.Ordinal);

    /// <summary>
    /// The parameters of a write statement, in the order <see cref="ExpectAll"/> adds each write's values; then each
    /// check's three, then <c>now</c>, shared.
    /// </summary>
    private static readonly string[] WriteParameters = ["c", "k", "j", "due", "exp", "expected"];

    private static string ExpectAllText(AtomicCommit commit)
    {
        var now = (WriteParameters.Length * commit.Writes.Count) + (3 * commit.Checks.Count) + 1;
        var sql = new System.Text.StringBuilder();
        var conditions = new List<string>(commit.Writes.Count + commit.Checks.Count);
        for (var i = 0; i < commit.Writes.Count; i++)
        {
            // The write's named parameters to its positions ($1.. for the first write, then on).
            var first = (WriteParameters.Length * i) + 1;
            var statement = WriteParameter().Replace(
                Statement(commit.Writes[i]).TrimEnd().TrimEnd(';'),
                match => match.Groups[1].Value == "now" ? $"${now}" : $"${first + Array.IndexOf(WriteParameters, match.Groups[1].Value)}");
            sql.Append(i == 0 ? "WITH " : ", ").Append(CultureInfo.InvariantCulture, $"w{i} AS ({statement})");
            conditions.Add($"(SELECT count(*) FROM w{i}) = 1");
        }

        var live = Live.Replace("@now", $"${now}", StringComparison.Ordinal);
        for (var i = 0; i < commit.Checks.Count; i++)
        {
            var first = (WriteParameters.Length * commit.Writes.Count) + (3 * i) + 1;
            conditions.Add($"COALESCE((SELECT version FROM documents WHERE collection = ${first} AND key = ${first + 1} AND {live}), 0) = ${first + 2}");
        }

        sql.Append(" SELECT flywheel_expect(").AppendJoin(" AND ", conditions).Append(')');
        for (var i = 0; i < commit.Writes.Count; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $", (SELECT max(version) FROM w{i})");
        }

        return sql.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"@(c|k|j|due|exp|expected|now)\b")]
    private static partial System.Text.RegularExpressions.Regex WriteParameter();

    private static NpgsqlBatchCommand WriteCommand(string sql, DocumentWrite write, DateTime now)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddWriteParameters(command.Parameters, write, now);
        return command;
    }

    /// <summary>The parameters of the write statements (<c>UpsertAlways</c>, <c>UpsertIfAbsent</c>, <c>UpdateIfVersion</c>).</summary>
    private static void AddWriteParameters(NpgsqlParameterCollection parameters, DocumentWrite write, DateTime now)
    {
        parameters.AddWithValue("c", write.Collection);
        parameters.AddWithValue("k", DocumentKeys.StoredKey(write.Key));
        parameters.AddWithValue("j", write.Json);
        parameters.AddWithValue("now", now);
        parameters.Add(Time("due", write.DueAt));
        parameters.Add(Time("exp", write.ExpiresAt));
        parameters.AddWithValue("expected", write.ExpectedVersion ?? 0);
    }

    public async Task<bool> DeleteAsync(string collection, string key, long? expectedVersion, CancellationToken cancellationToken)
    {
        DocumentKeys.Validate(collection, key);
        await DeferredInsert.SettleCurrentAsync(this, cancellationToken);
        await MigrateAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand($"""
            DELETE FROM documents
            WHERE collection = @c AND key = @k AND (@expected::bigint IS NULL OR version = @expected) AND {Live};
            """);
        command.Parameters.AddWithValue("c", collection);
        command.Parameters.AddWithValue("k", DocumentKeys.StoredKey(key));
        command.Parameters.Add(new NpgsqlParameter("expected", NpgsqlDbType.Bigint) { Value = expectedVersion is { } v ? v : DBNull.Value });
        command.Parameters.AddWithValue("now", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string keyPrefix, int limit, CancellationToken cancellationToken)
    {
        DocumentKeys.ValidatePrefix(collection, keyPrefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await MigrateAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand($"""
            SELECT {Columns} FROM documents
            WHERE collection = @c AND key >= @prefix AND key < @upper AND left(key, @length) = @prefix AND {Live}
            ORDER BY key LIMIT @limit;
            """);
        command.Parameters.AddWithValue("c", collection);
        command.Parameters.AddWithValue("prefix", keyPrefix);
        command.Parameters.AddWithValue("upper", DocumentKeys.UpperBound(keyPrefix));
        command.Parameters.AddWithValue("length", DocumentKeys.CodePoints(keyPrefix));
        command.Parameters.AddWithValue("now", Now());
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAllAsync(command, collection, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredDocument>> ListDueAsync(string collection, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await MigrateAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand($"""
            SELECT {Columns} FROM documents
            WHERE collection = @c AND due_at IS NOT NULL AND due_at <= @due AND {Live}
            ORDER BY due_at, key LIMIT @limit;
            """);
        command.Parameters.AddWithValue("c", collection);
        command.Parameters.AddWithValue("due", Utc(now));
        command.Parameters.AddWithValue("now", Now());
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAllAsync(command, collection, cancellationToken);
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        var total = 0;
        int purged;
        do
        {
            await using var command = _dataSource.CreateCommand("""
                DELETE FROM documents WHERE (collection, key) IN (
                    SELECT collection, key FROM documents
                    WHERE expires_at IS NOT NULL AND expires_at <= @now LIMIT @batch);
                """);
            command.Parameters.AddWithValue("now", Utc(now));
            command.Parameters.AddWithValue("batch", PurgeBatch);
            purged = await command.ExecuteNonQueryAsync(cancellationToken);
            total += purged;
        }
        while (purged == PurgeBatch);

        return total;
    }

    public Task MigrateAsync(CancellationToken cancellationToken) => _migration.RunAsync(MigrateCoreAsync, cancellationToken);

    public int LatestMigration => PostgresMigrations.All[^1].Version;

    public async Task<IReadOnlyList<int>> GetAppliedMigrationsAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await AppliedAsync(connection, null, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        _migration.Dispose();
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _migration.Dispose();
    }

    private async Task MigrateCoreAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Held until commit: a second instance starting at the same moment waits, then finds every step applied.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", PostgresMigrations.AdvisoryLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer NOT NULL PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL);
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = await AppliedAsync(connection, transaction, cancellationToken);
        foreach (var migration in PostgresMigrations.All.Where(m => !applied.Contains(m.Version)))
        {
            await using (var step = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                await step.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @at);", connection, transaction);
            record.Parameters.AddWithValue("v", migration.Version);
            record.Parameters.AddWithValue("d", migration.Description);
            record.Parameters.AddWithValue("at", Now());
            await record.ExecuteNonQueryAsync(cancellationToken);
            _logger.MigrationApplied("Postgres", migration.Version, migration.Description);
        }

        await transaction.CommitAsync(cancellationToken);

        var known = PostgresMigrations.All[^1].Version;
        var found = applied.Count == 0 ? known : Math.Max(applied[^1], known);
        if (found > known)
        {
            _logger.SchemaNewerThanBuild("Postgres", found, known);
        }

        _logger.StorageReady("Postgres", found);
    }

    private static async Task<IReadOnlyList<int>> AppliedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version;", connection, transaction);
        var versions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task<IReadOnlyList<StoredDocument>> ReadAllAsync(NpgsqlCommand command, string collection, CancellationToken cancellationToken)
    {
        var documents = new List<StoredDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(ReadRow(reader, collection));
        }

        return documents;
    }

    private static StoredDocument ReadRow(NpgsqlDataReader reader, string collection) => new(
        collection,
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        Read(reader.GetFieldValue<DateTime>(3)),
        reader.IsDBNull(4) ? null : Read(reader.GetFieldValue<DateTime>(4)),
        reader.IsDBNull(5) ? null : Read(reader.GetFieldValue<DateTime>(5)));

    private static NpgsqlParameter Time(string name, DateTimeOffset? time) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = time is { } t ? Utc(t) : DBNull.Value };

    // Millisecond precision and UTC, exactly like the SQLite provider.
    private static DateTime Utc(DateTimeOffset time) => DocumentKeys.Truncate(time).UtcDateTime;

    private static DateTimeOffset Read(DateTime utc) => DocumentKeys.Truncate(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    private DateTime Now() => Utc(_clock.GetUtcNow());
}
