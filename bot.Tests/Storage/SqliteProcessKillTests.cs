using System.Diagnostics;
using FlywheelBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// A real bot process is killed (SIGKILL) while it purges a large backlog of expired records in SQLite; the file
/// must stay intact, every live record must keep its last committed version, and whole purge batches only.
/// </summary>
public sealed class SqliteProcessKillTests : IDisposable
{
    private const int Live = 100;
    private const int Expired = 60_000;
    private const int PurgeBatch = 500;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"flywheel-kill-{Guid.NewGuid():N}");

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }

    [Theory]
    [InlineData(30)]
    [InlineData(150)]
    public async Task Killing_the_bot_mid_write_leaves_the_last_committed_state(int killAfterMs)
    {
        Directory.CreateDirectory(_directory);
        await SeedAsync();

        using (var bot = StartBot())
        {
            try
            {
                await WaitForLineAsync(bot, "Storage ready");
                await Task.Delay(killAfterMs);
            }
            finally
            {
                bot.Kill(entireProcessTree: true);
                await bot.WaitForExitAsync();
            }
        }

        await using var check = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await check.OpenAsync();
        Assert.Equal("ok", await ScalarAsync(check, "PRAGMA integrity_check;"));
        var remaining = Convert.ToInt32(await ScalarAsync(check, "SELECT count(*) FROM documents WHERE collection = 'activities';"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, (Expired - remaining) % PurgeBatch);

        using var store = new SqliteDocumentStore($"Data Source={DatabasePath}", TimeProvider.System, NullLogger<SqliteDocumentStore>.Instance);
        var live = await store.ListAsync("conversations", "", Live + 1, CancellationToken.None);
        Assert.Equal(Live, live.Count);
        Assert.All(live, d => Assert.Equal((3L, $$"""{"question":3,"key":"{{d.Key}}"}"""), (d.Version, d.Json)));
        var resumed = await store.PutAsync(new DocumentWrite("conversations", live[0].Key, """{"question":4}""", 3), CancellationToken.None);
        Assert.Equal(WriteResult.Written(4), resumed);
    }

    private async Task SeedAsync()
    {
        using (var store = new SqliteDocumentStore($"Data Source={DatabasePath}", TimeProvider.System, NullLogger<SqliteDocumentStore>.Instance))
        {
            for (var i = 0; i < Live; i++)
            {
                var conversation = $"c{i:D3}";
                for (var version = 1; version <= 3; version++)
                {
                    var json = $$"""{"question":{{version}},"key":"{{conversation}}"}""";
                    await store.PutAsync(new DocumentWrite("conversations", conversation, json, version - 1), CancellationToken.None);
                }
            }
        }

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO documents (collection, key, json, version, updated_at, due_at, expires_at)
            VALUES ('activities', @k, '{"seen":true}', 1, 0, NULL, 1000);
            """;
        var key = insert.Parameters.Add("@k", SqliteType.Text);
        for (var i = 0; i < Expired; i++)
        {
            key.Value = $"a{i:D6}";
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private Process StartBot()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(SqliteDocumentStore).Assembly.Location);
        start.ArgumentList.Add("--environment=Development");
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Information");
        start.ArgumentList.Add($"--Storage:ConnectionString=Data Source={DatabasePath}");
        start.ArgumentList.Add("--Storage:PurgeInterval=00:00:01");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The bot process did not start.");
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task WaitForLineAsync(Process process, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        Assert.Fail($"The bot exited (code {(process.HasExited ? process.ExitCode : -1)}) before logging '{text}'.");
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
