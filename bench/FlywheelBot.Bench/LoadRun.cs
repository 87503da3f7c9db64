using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FlywheelBot.Bench;

/// <summary>
/// Measures every target in one run: the botbuilder reference bot, then the bot on SQLite and on PostgreSQL, each as
/// its own server process, warmed up, then full interview turns through <c>/api/messages</c> (expectReplies) and the
/// bare endpoint with the same requests and connections; then the PostgreSQL floor (<see cref="StoreFloor"/>: a turn's
/// commit alone, sent by this process through the bot's store); then the same turns against the app as published for hosting
/// (Native AOT, on each provider; it has no bare endpoint); then the cold start of the published app. Prints one table
/// of the phases (ratios against the bare endpoint and against the reference bot of the same run) and one of the
/// issue's targets.
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

        var targets = options.Targets.ToList();
        var peers = ReferenceBot.FindPeers();
        if (targets.Contains(Targets.Botbuilder) && peers is null)
        {
            Console.Error.WriteLine("note: the botbuilder reference bot needs node and the npm peers (cd peers && npm ci, or FLYWHEEL_PEERS_DIR); not measuring it");
            targets.Remove(Targets.Botbuilder);
        }

        var published = options.PublishedApp is { } given ? Path.GetFullPath(given) : null;
        if (published is not null && !File.Exists(Path.Combine(published, "FlywheelBot")) && !File.Exists(Path.Combine(published, "FlywheelBot.dll")))
        {
            Console.Error.WriteLine($"--published {options.PublishedApp}: no published app in {published} (dotnet publish bot/FlywheelBot.csproj -c Release -o DIR)");
            return 2;
        }

        if (published is null && (options.ColdStarts > 0 || targets.Any(Targets.IsPublished)))
        {
            published = await ColdStart.PublishAsync();
        }

        var results = new List<TargetResult>();
        var failed = false;
        foreach (var target in targets)
        {
            var result = await MeasureAsync(target, options, peers, published);
            results.Add(result);
            failed |= result.Turns.Errors > 0 || result.Bare?.Errors > 0;
        }

        ColdStartResult? coldStart = null;
        if (options.ColdStarts > 0 && published is not null)
        {
            coldStart = await ColdStart.MeasureAsync(published, options.ColdStarts);
            failed |= coldStart.Failures > 0;
        }

        var report = BenchReport.Render(options, results, coldStart, Load());
        Console.WriteLine(report);
        if (options.OutputFile is { } file)
        {
            await File.WriteAllTextAsync(file, report);
        }

        return failed ? 1 : 0;
    }

    private static async Task<TargetResult> MeasureAsync(string target, BenchOptions options, string? peers, string? published)
    {
        if (target == Targets.PostgresStore)
        {
            return await StoreFloor.MeasureAsync(options);
        }

        var isPublished = Targets.IsPublished(target);
        var provider = Targets.UsesPostgres(target) ? Targets.Postgres : Targets.Sqlite;
        await using var database = Targets.UsesPostgres(target) ? await PostgresActivity.CreateDatabaseAsync(options.PostgresConnectionString!) : null;
        await using var server = target == Targets.Botbuilder
            ? await ServerProcess.StartReferenceAsync(peers!)
            : isPublished
                ? await ServerProcess.StartPublishedAsync(published!, provider, database?.ConnectionString)
                : await ServerProcess.StartBotAsync(provider, database?.ConnectionString);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var driver = new TurnDriver(client);
        if (target == Targets.Botbuilder || isPublished)
        {
            await driver.WarmUpRoundsAsync(options.Connections, options.WarmUpConversations, rounds: 3, bare: !isPublished);
            Console.Error.WriteLine($"{target}: warmed up in 3 rounds of {options.WarmUpConversations} interviews");
        }
        else
        {
            var rounds = await driver.WarmUpAsync(options.Connections, options.WarmUpConversations);
            Console.Error.WriteLine($"{target}: warmed up in {rounds} round(s) of {options.WarmUpConversations} interviews");
        }

        var gcBefore = target == Targets.Botbuilder || isPublished ? null : await driver.GarbageCollectionsAsync();
        var transactions = database is null ? 0 : await database.TransactionsAsync();
        var updates = database is null ? default : await database.UpdatesAsync();
        var databaseCpu = database is null ? null : await database.BackendCpuAsync();
        var turns = await Metered(server.CpuTime, OwnCpu, () => driver.RunInterviewsAsync(options.Conversations, options.Connections, $"bench-{target}-{Guid.NewGuid():N}"));
        double? roundTrips = null;
        double? databaseCpuPerTurn = null;
        if (database is not null)
        {
            databaseCpuPerTurn = PostgresActivity.CpuSpent(databaseCpu, await database.BackendCpuAsync()) is { } spent ? spent.TotalMicroseconds / turns.Requests : null;
            var during = await database.TransactionsAsync() - transactions;
            roundTrips = during / (double)turns.Requests;
            var updated = await database.UpdatesAsync();
            var (updateCount, heapOnly) = (updated.Updates - updates.Updates, updated.HeapOnly - updates.HeapOnly);
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{target}: {updateCount} row updates during the turns, {heapOnly} of them heap-only (HOT: {(updateCount == 0 ? 0 : 100.0 * heapOnly / updateCount):F0}%)"));
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{target}: {during} database transactions for {turns.Requests} turns (the bot's background work included); the database server's backends spent {(databaseCpuPerTurn is { } us ? $"{us:F0} us" : "n/a (not on this machine)")} of CPU per turn"));
        }
        if (gcBefore is not null)
        {
            var gcAfter = await driver.GarbageCollectionsAsync();
            var gc = gcAfter.Zip(gcBefore, (after, before) => after - before).ToArray();
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{target}: server GCs during the turns: gen0 {gc[0]}, gen1 {gc[1]}, gen2 {gc[2]}, paused {gc[3]:F0} ms in all; managed heap {gcAfter[4]:F0} MB, committed {gcAfter[5]:F0} MB"));
        }

        var bare = isPublished ? null : await Metered(server.CpuTime, OwnCpu, () => driver.RunBareAsync(turns.Requests, options.Connections));
        return new TargetResult(target, turns, bare, server.PeakResidentMegabytes(), roundTrips, databaseCpuPerTurn);
    }

    /// <summary>
    /// Runs a phase and notes the CPU time the server and the load generator spent on it (each read before and after),
    /// and the machine's stolen time.
    /// </summary>
    internal static async Task<Measurement> Metered(Func<TimeSpan> serverCpu, Func<TimeSpan> clientCpu, Func<Task<Measurement>> phase)
    {
        var (server0, client0, machine0) = (serverCpu(), clientCpu(), CpuSteal.Read());
        var measured = await phase();
        return measured with
        {
            Cpu = (serverCpu() - server0, clientCpu() - client0),
            StealPercent = CpuSteal.Percent(machine0, CpuSteal.Read()),
        };
    }

    /// <summary>The CPU time this process has used so far.</summary>
    internal static TimeSpan OwnCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>The machine's load averages (1, 5, 15 minutes) at the end of the run, from /proc/loadavg.</summary>
    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
