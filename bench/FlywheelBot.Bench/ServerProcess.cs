using System.Diagnostics;
using System.Globalization;

namespace FlywheelBot.Bench;

/// <summary>The bot server under test, as its own process so its memory is measured alone.</summary>
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

    public static async Task<ServerProcess> StartAsync(string provider, BenchOptions options)
    {
        string? dataDirectory = null;
        string connection;
        if (provider == "sqlite")
        {
            dataDirectory = Path.Combine(Path.GetTempPath(), $"flywheel-bench-{Guid.NewGuid():N}");
            Directory.CreateDirectory(dataDirectory);
            connection = $"Data Source={Path.Combine(dataDirectory, "bench.db")}";
        }
        else
        {
            connection = options.PostgresConnectionString!;
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add($"--Storage:Provider={(provider == "sqlite" ? "Sqlite" : "Postgres")}");
        start.ArgumentList.Add($"--Storage:ConnectionString={connection}");
        start.Environment["DOTNET_gcServer"] = "0";

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the bench server");
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

        throw new InvalidOperationException($"the bench server ({provider}) exited before listening");
    }

    /// <summary>VmHWM from /proc: the peak resident set of the server process, in MB.</summary>
    public double PeakResidentMegabytes()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
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
