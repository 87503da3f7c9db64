using System.Diagnostics;
using System.Globalization;
using FlywheelBot.Advisor;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FlywheelBot.Bench;

/// <summary>
/// The PostgreSQL floor of a turn, measured in the same run as the turns (<see cref="Targets.PostgresStore"/>): what a
/// bot on this database could reach if a turn were nothing but its one database transaction. The bench process sends,
/// from as many concurrent flows as the load has connections, the commit a later interview turn makes (its claim of
/// the activity id, the conversation's dialog state written on its version, the team profile checked on its version:
/// one batch, one round trip, through the bot's own <see cref="PostgresDocumentStore"/>), 13 per conversation, with
/// records of the sizes the interview stores. No HTTP, no advisor, no rendering. Then, in place of a bare endpoint,
/// the least a durable write can be: one plain <c>UPDATE</c> of one row by its key, prepared, through the same data
/// source settings. Both run on the same two cores as everything else, with the database's backends.
/// </summary>
internal static class StoreFloor
{
    /// <summary>Sizes (characters) of the records a mid-interview conversation holds, measured in the bench's PostgreSQL database.</summary>
    public const int DialogChars = 85;

    public const int ProfileChars = 328;

    /// <summary>What the phase's two rows measure, in place of the interview turn and the bare POST.</summary>
    public const string CommitEndpoint = "a turn's commit, no bot";

    public const string PlainEndpoint = "one row UPDATE";

    private const string Dialogs = "dialogs";
    private const string Profiles = "profiles";

    private static readonly StorageOptions Defaults = new();

    /// <summary>The floor has no load generator of its own: this process is the store and its flows (its CPU is the server's).</summary>
    private static readonly Func<TimeSpan> NoClient = () => TimeSpan.Zero;
    private static readonly ConversationStateRetention Retention = new(Defaults.DialogStateRetention);

    public static async Task<TargetResult> MeasureAsync(BenchOptions options)
    {
        await using var database = await PostgresActivity.CreateDatabaseAsync(options.PostgresConnectionString!);
        await using var store = new PostgresDocumentStore(database.ConnectionString, TimeProvider.System, NullLogger<PostgresDocumentStore>.Instance);
        await using var plain = PostgresDataSource.Create(database.ConnectionString, accessToken: null);
        await store.MigrateAsync(CancellationToken.None);
        var turns = InterviewScript.Turns.Length;
        for (var round = 1; round <= 3; round++)
        {
            var warm = await SeedAsync(store, options.WarmUpConversations, $"warmup-{round}");
            await RunCommitsAsync(store, warm, turns, options.Connections);
            await RunPlainUpdatesAsync(plain, warm, turns, options.Connections);
        }

        Console.Error.WriteLine($"{Targets.PostgresStore}: warmed up in 3 rounds of {options.WarmUpConversations} conversations");
        var conversations = await SeedAsync(store, options.Conversations, "floor");
        var transactions = await database.TransactionsAsync();
        var databaseCpu = await database.BackendCpuAsync();
        var commits = await LoadRun.Metered(LoadRun.OwnCpu, NoClient, () => RunCommitsAsync(store, conversations, turns, options.Connections));
        var afterCommits = await database.BackendCpuAsync();
        var roundTrips = (await database.TransactionsAsync() - transactions) / (double)commits.Requests;
        var databaseCpuPerCommit = PostgresActivity.CpuSpent(databaseCpu, afterCommits) is { } spent ? spent.TotalMicroseconds / commits.Requests : (double?)null;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Targets.PostgresStore}: {roundTrips:F2} database transactions per commit; the database server's backends spent {(databaseCpuPerCommit is { } us ? $"{us:F0} us" : "n/a (not on this machine)")} of CPU per commit"));
        var updates = await LoadRun.Metered(LoadRun.OwnCpu, NoClient, () => RunPlainUpdatesAsync(plain, conversations, turns, options.Connections));
        return new TargetResult(Targets.PostgresStore, commits, updates, PeakResidentMb: double.NaN, roundTrips, databaseCpuPerCommit);
    }

    /// <summary>One conversation's records: its dialog state and its team's profile, with the versions last stored.</summary>
    internal sealed class Conversation(string dialog, long dialogVersion, string profile, long profileVersion)
    {
        public string Dialog { get; } = dialog;

        public long DialogVersion { get; set; } = dialogVersion;

        public string Profile { get; } = profile;

        public long ProfileVersion { get; } = profileVersion;
    }

    /// <summary>Stores <paramref name="count"/> conversations' dialog state and profile, as the interview's first turn would.</summary>
    internal static async Task<Conversation[]> SeedAsync(IDocumentStore store, int count, string prefix)
    {
        var dialog = Json(DialogChars);
        var profile = Json(ProfileChars);
        var seeded = new Conversation[count];
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}-{i}-{Guid.NewGuid():N}";
            var state = await store.PutAsync(new DocumentWrite(Dialogs, $"msteams:{id}", dialog, ExpectedVersion: 0, ExpiresAt: Expiry()), CancellationToken.None);
            var team = await store.PutAsync(new DocumentWrite(Profiles, $"msteams:team-{id}", profile, ExpectedVersion: 0), CancellationToken.None);
            if (!state.Succeeded || !team.Succeeded)
            {
                throw new InvalidOperationException($"Seeding conversation {id} failed.");
            }

            seeded[i] = new Conversation($"msteams:{id}", state.Version, $"msteams:team-{id}", team.Version);
        }

        return seeded;
    }

    /// <summary>
    /// <paramref name="turns"/> commits per conversation, each what a later interview turn sends: the claim first, the
    /// dialog state on its version, the profile checked. A commit that stores nothing (an expectation failed) is an error.
    /// </summary>
    internal static Task<Measurement> RunCommitsAsync(IAtomicDocumentStore store, Conversation[] conversations, int turns, int connections)
    {
        var dialog = Json(DialogChars);
        return TurnDriver.Measure(conversations.Length, connections, async (index, latencies) =>
        {
            var conversation = conversations[index];
            var ok = true;
            for (var turn = 0; turn < turns; turn++)
            {
                var now = DateTimeOffset.UtcNow;
                var claim = MarkerRecord.Insert(TurnDeduplicator.Collection, TurnDeduplicator.Key("msteams", $"{conversation.Dialog}:{Guid.NewGuid():N}"), now, now + Defaults.ProcessedActivityRetention);
                var started = Stopwatch.GetTimestamp();
                var result = await store.CommitAsync(
                    new AtomicCommit(
                        [claim, new DocumentWrite(Dialogs, conversation.Dialog, dialog, conversation.DialogVersion, ExpiresAt: Expiry())],
                        [new DocumentCheck(Profiles, conversation.Profile, conversation.ProfileVersion)],
                        [],
                        []),
                    CancellationToken.None);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (result is null)
                {
                    ok = false;
                    break;
                }

                conversation.DialogVersion = result.Versions[1];
            }

            return ok;
        });
    }

    /// <summary>The same number of plain updates of the conversations' dialog rows: one statement, one row, by key.</summary>
    internal static Task<Measurement> RunPlainUpdatesAsync(NpgsqlDataSource source, Conversation[] conversations, int turns, int connections)
    {
        var dialog = Json(DialogChars);
        return TurnDriver.Measure(conversations.Length, connections, async (index, latencies) =>
        {
            var ok = true;
            for (var turn = 0; turn < turns; turn++)
            {
                var started = Stopwatch.GetTimestamp();
                await using (var command = source.CreateCommand("UPDATE documents SET json = $1, version = version + 1, updated_at = now() WHERE collection = $2 AND key = $3;"))
                {
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dialog });
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Dialogs });
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversations[index].Dialog });
                    ok &= await command.ExecuteNonQueryAsync() == 1;
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return ok;
        });
    }

    /// <summary>A JSON object of exactly <paramref name="chars"/> characters.</summary>
    internal static string Json(int chars) => $"{{\"v\":\"{new string('x', chars - 8)}\"}}";

    /// <summary>The state's expiry as the bot stores it (the default retention, rounded up to the hour); a claim's is the default retention of processed ids.</summary>
    private static DateTimeOffset Expiry() => Retention.ExpiryOf(DateTimeOffset.UtcNow);
}
