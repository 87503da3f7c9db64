using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using FlywheelBot.Advisor;
using FlywheelBot.CheckIns.History;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Storage;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// The whole app on PostgreSQL, a whole interview through <c>/api/messages</c>: the first turn costs two round trips
/// to the database (the activity id's claim in one batch with the address and whatever the turn must read, then the
/// state's conditional commit), every later turn one (the claim rides with the state's commit, which also carries the
/// history snapshot of the last turn). Round trips are Npgsql's own trace activities (one per command or batch sent),
/// counted under a parent activity per turn that flows into the in-process server.
/// </summary>
public sealed class PostgresTurnRoundTripsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Interview = ["start", "sdm", "emerging", "5000", "12%", "40", "200", "20%", "40%", "3%", "30", "10", "not sure"];

    private PostgresTestSchema? _schema;

    public async Task InitializeAsync()
    {
        if (PostgresPeer.ConnectionString is not null)
        {
            _schema = await PostgresTestSchema.CreateAsync("fw_trips");
        }
    }

    public async Task DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task The_first_answer_of_an_interview_costs_two_round_trips_and_every_later_one_a_single_one()
    {
        await using var host = BotFrameworkHost.WithRealServices(
            "Development",
            new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = _schema?.ConnectionString });
        host.Server.PreserveExecutionContext = true;
        var sent = new ConcurrentBag<(ActivityTraceId Trace, string Name)>();
        using var listener = ListenToNpgsql(sent);

        // A warm-up interview in another conversation: migrations and connections are not a turn's work.
        foreach (var text in Interview)
        {
            using var warm = await host.PostAsync(Turn("warm-up", text));
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var trips = new List<(string Text, string[] Commands)>();
        foreach (var (text, i) in Interview.Select((t, i) => (t, i)))
        {
            using var turn = new Activity("turn").Start();
            using var response = await host.PostAsync(Turn("measured", text, id: $"measured-{i}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            turn.Stop();
            trips.Add((text, [.. sent.Where(s => s.Trace == turn.TraceId).Select(s => s.Name)]));
        }

        var report = string.Join(Environment.NewLine, trips.Select(t => $"{t.Text}: {t.Commands.Length} ({string.Join(", ", t.Commands)})"));
        output.WriteLine(report);

        // The first turn: the claim's batch (with the address and the reads) and the commit. Every later one, the last
        // (the history snapshot rides in the turn's commit) included: one commit, which carries the claim.
        Assert.Equal(2, trips[0].Commands.Length);
        Assert.All(trips.Skip(1), t => Assert.True(t.Commands.Length == 1, report));

        // What the batches carried was stored: the conversation's address, the diagnosis in the history, the state.
        var store = host.Services.GetRequiredService<IDocumentStore>();
        Assert.NotNull(await store.GetAsync(DocumentConversationDirectory.Collection, "msteams:measured", CancellationToken.None));
        Assert.Single(await store.ListAsync(HistoryStore.Collection, HistoryStore.KeyPrefix("msteams:measured"), 10, CancellationToken.None));
        Assert.NotNull(await store.GetAsync(AdvisorTurnHandler.Collection, "msteams:measured", CancellationToken.None));

        // Every turn's claim was stored (with its commit): the same activities again are all dropped as redeliveries,
        // by this instance without asking the store, and by a fresh instance from the stored claims.
        await using var other = BotFrameworkHost.WithRealServices(
            "Development",
            new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = _schema?.ConnectionString });
        foreach (var (text, i) in Interview.Select((t, i) => (t, i)))
        {
            var instance = i % 2 == 0 ? host : other;
            using var again = await instance.PostAsync(Turn("measured", text, id: $"measured-{i}"));
            Assert.Equal("""{"activities":[]}""", await again.Content.ReadAsStringAsync());
        }

        var state = await store.GetAsync(AdvisorTurnHandler.Collection, "msteams:measured", CancellationToken.None);
        Assert.Equal(Interview.Length, state!.Version);
    }

    [PostgresFact]
    public async Task A_turn_on_an_instance_that_never_saw_the_conversation_costs_two_round_trips_too()
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = _schema?.ConnectionString };
        await using (var first = BotFrameworkHost.WithRealServices("Development", settings))
        {
            foreach (var text in Interview.Take(3))
            {
                using var response = await first.PostAsync(Turn("moved", text));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        // Another instance (a restart, a scale-out): it holds nothing of this conversation, so the claim's batch reads the
        // address, the state and the profile; the address it would save is the one stored, so nothing more is written.
        await using var second = BotFrameworkHost.WithRealServices("Development", settings);
        second.Server.PreserveExecutionContext = true;
        using (var warm = await second.PostAsync(Turn("warm-up", "start")))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var sent = new ConcurrentBag<(ActivityTraceId Trace, string Name)>();
        using var listener = ListenToNpgsql(sent);
        using var turn = new Activity("turn").Start();
        using var answer = await second.PostAsync(Turn("moved", Interview[3]));
        turn.Stop();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(2, sent.Count(s => s.Trace == turn.TraceId));
        var state = await second.Services.GetRequiredService<IDocumentStore>().GetAsync(AdvisorTurnHandler.Collection, "msteams:moved", CancellationToken.None);
        Assert.Equal(4, state!.Version);
    }

    [PostgresFact]
    public async Task A_redelivery_to_an_instance_that_holds_the_conversation_is_found_out_by_its_commit_and_changes_nothing()
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = _schema?.ConnectionString };
        await using var first = BotFrameworkHost.WithRealServices("Development", settings);
        await using var second = BotFrameworkHost.WithRealServices("Development", settings);
        var store = first.Services.GetRequiredService<IDocumentStore>();
        using (var start = await first.PostAsync(Turn("shared", Interview[0], id: "shared-0")))
        {
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        }

        // The second turn goes to the other instance (which reads the conversation with its claim) and is answered there.
        using (var answered = await second.PostAsync(Turn("shared", Interview[1], id: "shared-1")))
        {
            Assert.Contains("awareness", await answered.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        var before = await store.GetAsync(AdvisorTurnHandler.Collection, "msteams:shared", CancellationToken.None);

        // Its redelivery reaches the first instance, which holds the conversation as it was after the first turn: the
        // claim is deferred to the turn's commit, which finds it taken. No answer, nothing stored.
        using var redelivered = await first.PostAsync(Turn("shared", Interview[1], id: "shared-1"));

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal("""{"activities":[]}""", await redelivered.Content.ReadAsStringAsync());
        var after = await store.GetAsync(AdvisorTurnHandler.Collection, "msteams:shared", CancellationToken.None);
        Assert.Equal((before!.Version, before.Json), (after!.Version, after.Json));

        // The conversation goes on from there on either instance.
        using var next = await first.PostAsync(Turn("shared", Interview[2], id: "shared-2"));
        Assert.Equal(before.Version + 1, (await store.GetAsync(AdvisorTurnHandler.Collection, "msteams:shared", CancellationToken.None))!.Version);
    }

    private static System.Text.Json.Nodes.JsonObject Turn(string conversation, string text, string? id = null)
    {
        var message = BotFrameworkHost.Message(conversation, text, "http://127.0.0.1:9/connector", id);
        message["deliveryMode"] = "expectReplies";
        return message;
    }

    /// <summary>Notes every Npgsql round trip (one activity each) with the trace it belongs to, from now on.</summary>
    private static ActivityListener ListenToNpgsql(ConcurrentBag<(ActivityTraceId Trace, string Name)> sent)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity => sent.Add((activity.TraceId, activity.DisplayName)),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
