using System.Collections.Concurrent;
using System.Diagnostics;
using FlywheelBot.Storage;

namespace FlywheelBot.Tests.TestSupport;

/// <summary>
/// The real bot as a separate process (<c>dotnet FlywheelBot.dll</c>), for tests that need what only a process has:
/// start-up failures, a kill at any point, a restart. Output is captured; <see cref="StartAsync"/> waits for Kestrel's
/// "Now listening on" line and exposes the address.
/// With <c>FLYWHEEL_PUBLISHED_APP</c> set to a <c>dotnet publish</c> output, the process is that published app, started
/// by its App Service start command (<c>startup.sh</c>): CI publishes the app for hosting (Native AOT) and runs every
/// test of this kind again against it (<c>--filter Runs=BotProcess</c>), so what only breaks ahead of time (reflection,
/// trimming) fails a test.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The published app to run instead of the build output (<c>FLYWHEEL_PUBLISHED_APP</c>), or null.</summary>
    public static string? PublishedApp =>
        Environment.GetEnvironmentVariable("FLYWHEEL_PUBLISHED_APP") is { Length: > 0 } directory
            ? File.Exists(Path.Combine(directory, "startup.sh"))
                ? Path.GetFullPath(directory)
                : throw new InvalidOperationException($"FLYWHEEL_PUBLISHED_APP={directory} has no startup.sh: not a publish of bot/")
            : null;

    public Uri BaseAddress => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : throw new InvalidOperationException("not listening");

    public string Output => string.Join(Environment.NewLine, _output);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the bot with <c>--key=value</c> settings (Development, loopback port 0 unless overridden).</summary>
    public static BotProcess Launch(string workingDirectory, IEnumerable<string> settings) => Launch(workingDirectory, settings, environment: null);

    /// <summary>Starts the bot with settings and extra environment variables (e.g. a managed-identity endpoint).</summary>
    public static BotProcess Launch(string workingDirectory, IEnumerable<string> settings, IReadOnlyDictionary<string, string>? environment)
    {
        var published = PublishedApp;
        var start = new ProcessStartInfo(published is null ? "dotnet" : "sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(published is null ? typeof(IDocumentStore).Assembly.Location : Path.Combine(published, "startup.sh"));
        start.ArgumentList.Add("--environment=Development");
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new BotProcess(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start"));
    }

    /// <summary>Launches and waits until Kestrel listens; fails with the process output when it exits first.</summary>
    public static Task<BotProcess> StartAsync(string workingDirectory, params string[] settings) =>
        StartAsync(workingDirectory, environment: null, settings);

    /// <summary>Launches with extra environment variables and waits until Kestrel listens.</summary>
    public static async Task<BotProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] settings)
    {
        var bot = Launch(workingDirectory, settings, environment);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var exited = bot._process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(bot._listening.Task, exited);
        if (first != bot._listening.Task)
        {
            var output = bot.Output;
            await bot.DisposeAsync();
            throw new InvalidOperationException($"The bot did not start listening:{Environment.NewLine}{output}");
        }

        return bot;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // drains the asynchronous output readers
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — the crash a test wants to survive.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        const string marker = "Now listening on: ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0 && Uri.TryCreate(line[(at + marker.Length)..].Trim(), UriKind.Absolute, out var address))
        {
            _listening.TrySetResult(address);
        }
    }
}
