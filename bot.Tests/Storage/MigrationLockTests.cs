using FlywheelBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FlywheelBot.Tests.Storage;

/// <summary>Migrations wait for another instance that is migrating (holding the provider's migration lock).</summary>
public sealed class MigrationLockTests
{
    [Fact]
    public async Task Sqlite_migration_waits_while_another_process_holds_the_write_lock()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"flywheel-lock-{Guid.NewGuid():N}");
        var path = Path.Combine(directory, "bot.db");
        Directory.CreateDirectory(directory);
        try
        {
            await using var other = new SqliteConnection($"Data Source={path};Pooling=False");
            await other.OpenAsync();
            await using (var begin = other.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE; CREATE TABLE marker (x INTEGER);";
                await begin.ExecuteNonQueryAsync();
            }

            using var store = new SqliteDocumentStore($"Data Source={path}", TimeProvider.System, NullLogger<SqliteDocumentStore>.Instance);
            var migrating = Task.Run(() => store.MigrateAsync(CancellationToken.None));
            await Task.Delay(400);
            var waited = !migrating.IsCompleted;
            await using (var commit = other.CreateCommand())
            {
                commit.CommandText = "COMMIT;";
                await commit.ExecuteNonQueryAsync();
            }

            await migrating.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(waited);
            Assert.Equal(SqliteMigrations.All.Select(m => m.Version), await store.GetAppliedMigrationsAsync(CancellationToken.None));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [PostgresFact]
    public async Task Postgres_migration_waits_for_the_advisory_lock_held_by_another_instance()
    {
        var server = PostgresPeer.RequireConnectionString();
        var schema = $"fw_lock_{Guid.NewGuid():N}";
        await using var other = new NpgsqlConnection(server);
        await other.OpenAsync();
        await Execute(other, $"CREATE SCHEMA \"{schema}\";");
        try
        {
            await using (var hold = new NpgsqlCommand("SELECT pg_advisory_lock(@key);", other))
            {
                hold.Parameters.AddWithValue("key", PostgresMigrations.AdvisoryLockKey);
                await hold.ExecuteNonQueryAsync();
            }

            var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
            await using var store = new PostgresDocumentStore(connectionString, TimeProvider.System, NullLogger<PostgresDocumentStore>.Instance);
            var migrating = Task.Run(() => store.MigrateAsync(CancellationToken.None));
            await Task.Delay(400);
            var waited = !migrating.IsCompleted;
            await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key);", other))
            {
                release.Parameters.AddWithValue("key", PostgresMigrations.AdvisoryLockKey);
                await release.ExecuteNonQueryAsync();
            }

            await migrating.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(waited);
            Assert.Equal(PostgresMigrations.All.Select(m => m.Version), await store.GetAppliedMigrationsAsync(CancellationToken.None));
        }
        finally
        {
            await Execute(other, $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;");
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
