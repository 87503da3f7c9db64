using FlywheelBot.Tests.TestSupport;
using Npgsql;

namespace FlywheelBot.Tests.Storage.ScaleOut;

/// <summary>
/// Two real bot processes behind an imaginary load balancer, sharing one PostgreSQL schema of their own (fresh per
/// fixture via <c>Search Path</c>, dropped afterwards), as in an App Service scale-out. Does nothing when PostgreSQL
/// is not configured (the tests are skipped then, or fail in CI through <see cref="PostgresPeer"/>).
/// </summary>
public sealed class TwoHostsOnPostgres : IAsyncLifetime
{
    private readonly string _schema = $"fw_scale_{Guid.NewGuid():N}";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"flywheel-scale-{Guid.NewGuid():N}");
    private BotProcess? _first;
    private BotProcess? _second;

    public string ConnectionString { get; private set; } = string.Empty;

    internal HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public Uri First => _first?.BaseAddress ?? throw new InvalidOperationException(PostgresPeer.SkipReason ?? "The hosts did not start.");

    public Uri Second => _second?.BaseAddress ?? throw new InvalidOperationException(PostgresPeer.SkipReason ?? "The hosts did not start.");

    public async Task InitializeAsync()
    {
        if (PostgresPeer.ConnectionString is not { } server)
        {
            return;
        }

        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA \"{_schema}\";", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema }.ConnectionString;
        Directory.CreateDirectory(_directory);
        string[] settings = ["--Storage:Provider=Postgres", $"--Storage:ConnectionString={ConnectionString}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information"];

        // Both start at once: the migrations must be safe when two instances apply them together.
        var starting = new[] { BotProcess.StartAsync(_directory, settings), BotProcess.StartAsync(_directory, settings) };
        var started = await Task.WhenAll(starting);
        (_first, _second) = (started[0], started[1]);
    }

    /// <summary>The JSON of a stored record, read straight from PostgreSQL (null when absent).</summary>
    public async Task<string?> ReadJsonAsync(string collection, string key)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT json FROM documents WHERE collection = @c AND key = @k;", connection);
        read.Parameters.AddWithValue("c", collection);
        read.Parameters.AddWithValue("k", key);
        return await read.ExecuteScalarAsync() as string;
    }

    /// <summary>What both processes logged, for failure messages.</summary>
    public string Output => $"--- first host ---{Environment.NewLine}{_first?.Output}{Environment.NewLine}--- second host ---{Environment.NewLine}{_second?.Output}";

    public async Task DisposeAsync()
    {
        Http.Dispose();
        foreach (var bot in new[] { _first, _second })
        {
            if (bot is not null)
            {
                await bot.DisposeAsync();
            }
        }

        if (PostgresPeer.ConnectionString is { } server && ConnectionString.Length > 0)
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE;", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
