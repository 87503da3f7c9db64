using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FlywheelBot.Tests.CheckIns;

/// <summary>The built bot (FlywheelBot.dll) as a real process on a dynamic loopback port, SQLite in a given folder.</summary>
internal sealed partial class BotProcess
{
    private readonly Process _process;

    private BotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<BotProcess> StartAsync(string directory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(FlywheelBot.CheckIns.CheckInScheduler).Assembly.Location);
        start.ArgumentList.Add("--environment=Development");
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Information");
        start.ArgumentList.Add($"--Storage:ConnectionString=Data Source={Path.Combine(directory, "bot.db")}");
        start.ArgumentList.Add("--CheckIns:PollInterval=00:00:00.500");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The bot process did not start.");
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                _ = DrainAsync(process);
                return new BotProcess(process, new Uri(match.Groups["url"].Value));
            }
        }

        throw new InvalidOperationException($"The bot exited (code {(process.HasExited ? process.ExitCode : -1)}) before listening.");
    }

    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task DrainAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is not null)
        {
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
