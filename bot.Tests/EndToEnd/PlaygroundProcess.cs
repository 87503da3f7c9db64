using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace FlywheelBot.Tests.EndToEnd;

/// <summary>
/// The Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c> from <c>peers/</c>) as a process, in
/// Teams mode with authentication off, talking to the bot at <c>endpoint</c>, on a free loopback port. Output is kept
/// for failure messages; disposing kills it (and its children).
/// </summary>
internal sealed class PlaygroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PlaygroundProcess(Process process, int port)
    {
        _process = process;
        Url = new Uri($"http://127.0.0.1:{port}/");
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The web UI.</summary>
    public Uri Url { get; }

    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the Playground and waits for its "Listening on" line; fails with its output when it exits first.</summary>
    public static async Task<PlaygroundProcess> StartAsync(string peersDirectory, Uri endpoint)
    {
        var port = FlywheelBot.Bench.LoopbackPorts.Unused();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = peersDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath(peersDirectory));
        foreach (var argument in new[] { "-e", endpoint.ToString(), "-c", "msteams", "--dt", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        var playground = new PlaygroundProcess(Process.Start(start) ?? throw new InvalidOperationException("node did not start"), port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var exited = playground._process.WaitForExitAsync(timeout.Token);
        if (await Task.WhenAny(playground._listening.Task, exited) != playground._listening.Task)
        {
            var output = playground.Output;
            await playground.DisposeAsync();
            throw new InvalidOperationException($"The Agents Playground did not start listening on {port}:{Environment.NewLine}{output}");
        }

        return playground;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The package's command entry, from its package.json <c>bin</c>.</summary>
    private static string CliPath(string peersDirectory)
    {
        var package = Path.Combine(peersDirectory, "node_modules", "@microsoft", "m365agentsplayground");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(package, "package.json")));
        var bin = json.RootElement.GetProperty("bin");
        var entry = bin.ValueKind == JsonValueKind.String ? bin.GetString() : bin.GetProperty("agentsplayground").GetString();
        return Path.GetFullPath(Path.Combine(package, entry ?? throw new InvalidOperationException("the Playground package has no bin entry")));
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.Contains("Listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }
}
