using System.Diagnostics;
using System.Net;
using System.Text;

namespace FlywheelBot.Bench;

/// <summary>
/// Cold start of the app as it is published for hosting (<c>dotnet publish bot -c Release</c>): started as its own
/// process in Production with authentication on (against <see cref="BenchTokenService"/>) on a fresh SQLite file,
/// timed from <c>Process.Start</c> to the port accepting connections and to the answer of its first turn (a signed
/// <c>start</c> message with <c>expectReplies</c>, sent the moment the port opens), and the CPU time the process had
/// used by then (user + system: on a busy machine the wall time grows with the queue for the cores, the CPU time
/// much less). Each start is a new process.
/// </summary>
internal static class ColdStart
{
    private const string AppId = "00000000-0000-0000-0000-00000000bench";
    private const string ServiceUrl = "https://smba.trafficmanager.net/teams/";

    public static async Task<ColdStartResult> MeasureAsync(string publishedDirectory, int starts)
    {
        await using var tokens = await BenchTokenService.StartAsync();
        var portOpen = new List<double>();
        var firstTurn = new List<double>();
        var cpu = new List<double>();
        var resident = new List<double>();
        var failures = 0;
        for (var i = 0; i < starts; i++)
        {
            var (open, answered, used, rss, ok) = await StartOnceAsync(publishedDirectory, tokens);
            portOpen.Add(open);
            resident.Add(rss);
            firstTurn.Add(answered);
            cpu.Add(used);
            failures += ok ? 0 : 1;
        }

        return new ColdStartResult(portOpen, firstTurn, cpu, failures) { ResidentMb = resident };
    }

    /// <summary>Publishes the bot the way the README does for hosting, into <c>artifacts/bench/publish</c>; returns the folder.</summary>
    public static async Task<string> PublishAsync()
    {
        var root = RepositoryRoot() ?? throw new InvalidOperationException("bot/FlywheelBot.csproj not found above the working directory; pass --published DIR");
        var output = Path.Combine(root, "artifacts", "bench", "publish");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true };
        foreach (var argument in new[] { "publish", "bot/FlywheelBot.csproj", "-c", "Release", "-o", output, "--nologo", "-v:q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var log = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"dotnet publish failed:{Environment.NewLine}{log}");
    }

    private static async Task<(double PortOpenMs, double FirstTurnMs, double CpuMs, double ResidentMb, bool Ok)> StartOnceAsync(string published, BenchTokenService tokens)
    {
        var data = Path.Combine(Path.GetTempPath(), $"flywheel-cold-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        var port = LoopbackPorts.Unused();
        var apphost = Path.Combine(published, "FlywheelBot");
        var start = File.Exists(apphost) ? new ProcessStartInfo(apphost) : new ProcessStartInfo("dotnet", [Path.Combine(published, "FlywheelBot.dll")]);
        start.WorkingDirectory = published;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["MicrosoftAppType"] = "MultiTenant";
        start.Environment["MicrosoftAppId"] = AppId;
        start.Environment["MicrosoftAppPassword"] = "bench-placeholder-secret";
        start.Environment["BotFramework__OpenIdMetadataUrl"] = tokens.MetadataUrl;
        start.Environment["BotFramework__EntraOpenIdMetadataUrl"] = tokens.MetadataUrl;
        start.Environment["Storage__Provider"] = "Sqlite";
        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(data, "cold.db")}";

        // Made before the clock starts: what a channel sends, not the bot's work.
        var body = TurnDriver.ActivityJson(Guid.NewGuid().ToString("N"), "cold-start-conversation", "start", ServiceUrl);
        var token = tokens.ChannelToken(AppId, ServiceUrl);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (!await LoopbackPorts.OpenedByAsync(process, port, within: TimeSpan.FromSeconds(30), poll: TimeSpan.FromMilliseconds(1)))
            {
                throw new InvalidOperationException($"the published bot did not open its port:{Environment.NewLine}{output}");
            }

            var open = clock.Elapsed.TotalMilliseconds;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/api/messages")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            var payload = await response.Content.ReadAsByteArrayAsync();
            var answered = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpu = process.TotalProcessorTime.TotalMilliseconds;
            var resident = ServerProcess.PeakResidentMegabytes(process.Id);
            var ok = response.StatusCode == HttpStatusCode.OK && TurnDriver.IsGoodReply(response.StatusCode, payload, last: false);
            if (!ok)
            {
                Console.Error.WriteLine($"cold start: first turn answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(payload)}");
            }

            return (open, answered, cpu, resident, ok);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "bot", "FlywheelBot.csproj")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
