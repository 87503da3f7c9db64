using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FlywheelBot.Bench;

/// <summary>
/// For each provider: start a server process, warm it up, then measure the bare endpoint and full interview turns
/// through <c>/api/messages</c> (expectReplies) with the same number of requests and concurrent connections.
/// Figures are reported as ratios against the bare endpoint measured in the same run.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"connections {options.Connections}, conversations {options.Conversations}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
        report.AppendLine();
        report.AppendLine("| provider | endpoint | requests | errors | req/s | p50 ms | p99 ms | throughput vs bare | server CPU us/req | load CPU us/req | server RSS peak MB |");
        report.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var failed = false;
        foreach (var provider in options.Providers)
        {
            await using var server = await ServerProcess.StartAsync(provider, options);
            using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var driver = new TurnDriver(client);

            var rounds = await driver.WarmUpAsync(options.Connections, options.WarmUpConversations);
            Console.Error.WriteLine($"{provider}: warmed up in {rounds} round(s) of {options.WarmUpConversations} interviews");
            var gcBefore = await driver.GarbageCollectionsAsync();
            var turns = await Metered(server, () => driver.RunInterviewsAsync(options.Conversations, options.Connections, $"bench-{provider}-{Guid.NewGuid():N}"));
            var gcAfter = await driver.GarbageCollectionsAsync();
            var gc = gcAfter.Zip(gcBefore, (after, before) => after - before).ToArray();
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{provider}: server GCs during the turns: gen0 {gc[0]}, gen1 {gc[1]}, gen2 {gc[2]}, paused {gc[3]:F0} ms in all; managed heap {gcAfter[4]:F0} MB, committed {gcAfter[5]:F0} MB"));
            var bare = await Metered(server, () => driver.RunBareAsync(turns.Requests, options.Connections));
            var rss = server.PeakResidentMegabytes();

            report.AppendLine(Row(provider, "bare POST", bare, bare, rss));
            report.AppendLine(Row(provider, "interview turn", turns, bare, rss));
            failed |= turns.Errors > 0 || bare.Errors > 0;
        }

        Console.WriteLine(report.ToString());
        if (options.OutputFile is { } file)
        {
            await File.WriteAllTextAsync(file, report.ToString());
        }

        return failed ? 1 : 0;
    }

    /// <summary>Runs a phase and notes the CPU time the server and this process spent on it.</summary>
    private static async Task<Measurement> Metered(ServerProcess server, Func<Task<Measurement>> phase)
    {
        var (server0, client0) = (server.CpuTime(), Process.GetCurrentProcess().TotalProcessorTime);
        var measured = await phase();
        return measured with { Cpu = (server.CpuTime() - server0, Process.GetCurrentProcess().TotalProcessorTime - client0) };
    }

    private static string Row(string provider, string endpoint, Measurement m, Measurement bare, double rss) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"| {provider} | {endpoint} | {m.Requests} | {m.Errors} | {m.Throughput:F0} | {m.Percentile(0.50):F2} | {m.Percentile(0.99):F2} | {m.Throughput / bare.Throughput:F2} | {m.CpuPerRequestUs.Server:F0} | {m.CpuPerRequestUs.Client:F0} | {rss:F0} |");
}
