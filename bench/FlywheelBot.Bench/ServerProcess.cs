using System.Diagnostics;
using System.Globalization;

namespace FlywheelBot.Bench;

/// <summary>
/// A server under test, as its own process so its memory and CPU are measured alone: the bot (<c>serve</c> mode of this
/// assembly) on one storage provider, or the botbuilder reference bot (node), both of which print <c>listening {url}</c>
/// when ready; or the app as published for hosting, ready when its port accepts connections.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _dataDirectory;

    private ServerProcess(Process process, Uri baseAddress, string? dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    /// <summary>
    /// The bot on <paramref name="provider"/> (<c>sqlite</c>: a fresh file; <c>postgres</c>: the given database), under
    /// the app's runtime settings (<see cref="AppRuntimeConfig"/>; a test may pass another runtimeconfig.json).
    /// </summary>
    public static Task<ServerProcess> StartBotAsync(string provider, string? postgresConnectionString, string? runtimeConfig = null)
    {
        var (dataDirectory, connection) = Storage(provider, postgresConnectionString);

        // The server runs under the APP's runtime settings, not this load generator's: `dotnet exec --runtimeconfig`
        // with the bot's own runtimeconfig.json, so every setting the app ships with (GC mode, gen0 budget, thread pool,
        // globalization, ...) applies to the measured process as it does in production, and nothing else does.
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(runtimeConfig ?? AppRuntimeConfig());
        start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add($"--Storage:Provider={(provider == Targets.Sqlite ? "Sqlite" : "Postgres")}");
        start.ArgumentList.Add($"--Storage:ConnectionString={connection}");
        return StartAsync(start, provider, dataDirectory);
    }

    /// <summary>
    /// The bot's <c>FlywheelBot.runtimeconfig.json</c>, which the build copies next to every assembly that references the
    /// bot (this one's output, the tests').
    /// </summary>
    public static string AppRuntimeConfig()
    {
        var directory = Path.GetDirectoryName(typeof(FlywheelBot.Hosting.BotHost).Assembly.Location) ?? AppContext.BaseDirectory;
        var path = Path.Combine(directory, "FlywheelBot.runtimeconfig.json");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the bot's runtime settings are missing next to its assembly ({path}): build the solution", path);
    }

    /// <summary>
    /// The app as published for hosting (the executable in <paramref name="published"/>, Native AOT) on
    /// <paramref name="provider"/>'s storage, with the same settings as the bench's own host (Development, so
    /// authentication is off as in <c>serve</c>; warnings only in the log) on a free loopback port; ready once the port
    /// accepts connections.
    /// </summary>
    public static async Task<ServerProcess> StartPublishedAsync(string published, string provider, string? postgresConnectionString)
    {
        var (dataDirectory, connection) = Storage(provider, postgresConnectionString);
        var executable = Path.Combine(published, "FlywheelBot");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"no published executable at {executable}: dotnet publish bot/FlywheelBot.csproj -c Release -o {published}", executable);
        }

        var port = LoopbackPorts.Unused();
        var start = new ProcessStartInfo(executable) { WorkingDirectory = published, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--environment=Development",
            $"--urls=http://127.0.0.1:{port}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            $"--Storage:Provider={(provider == Targets.Sqlite ? "Sqlite" : "Postgres")}",
            $"--Storage:ConnectionString={connection}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the published app");
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        if (!await LoopbackPorts.OpenedByAsync(process, port, within: TimeSpan.FromSeconds(60), poll: TimeSpan.FromMilliseconds(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the published app ({provider}) did not open its port");
        }

        return new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), dataDirectory);
    }

    /// <summary>The storage a bot server is given: for SQLite a fresh file in a folder of its own (deleted with the server).</summary>
    private static (string? DataDirectory, string ConnectionString) Storage(string provider, string? postgresConnectionString)
    {
        if (provider == Targets.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), $"flywheel-bench-{Guid.NewGuid():N}");
            Directory.CreateDirectory(directory);
            return (directory, $"Data Source={Path.Combine(directory, "bench.db")}");
        }

        return (null, postgresConnectionString ?? throw new ArgumentNullException(nameof(postgresConnectionString)));
    }

    /// <summary>The botbuilder reference bot (<c>peers/botbuilder-reference-bot.mjs</c>) on node.</summary>
    public static Task<ServerProcess> StartReferenceAsync(string peersDirectory)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = peersDirectory };

        // peers/node_modules may be a symlink to a shared install: resolve packages from the link, not its target.
        start.ArgumentList.Add("--preserve-symlinks");
        start.ArgumentList.Add(Path.Combine(peersDirectory, ReferenceBot.Script));
        start.Environment["NODE_ENV"] = "production";
        return StartAsync(start, Targets.Botbuilder, null);
    }

    private static async Task<ServerProcess> StartAsync(ProcessStartInfo start, string name, string? dataDirectory)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = false;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start the {name} server");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                // Keep draining stdout so the server never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new ServerProcess(process, new Uri(line["listening ".Length..]), dataDirectory);
            }
        }

        throw new InvalidOperationException($"the {name} server exited before listening");
    }

    /// <summary>VmHWM from /proc: the peak resident set of the server process, in MB.</summary>
    public double PeakResidentMegabytes() => PeakResidentMegabytes(_process.Id);

    /// <summary>A process's peak resident set so far (<c>VmHWM</c>), MB.</summary>
    public static double PeakResidentMegabytes(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        var line = status.First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kb / 1024;
    }

    /// <summary>
    /// The server process's CPU time so far (user + system, from /proc), so a phase can say how much of the machine the
    /// server itself spent per request, apart from the load generator sharing its cores.
    /// </summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_dataDirectory is not null)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
