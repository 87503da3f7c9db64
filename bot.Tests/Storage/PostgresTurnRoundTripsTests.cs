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
/// The whole app on PostgreSQL, a whole interview through <c>/api/messages</c>: every turn costs at most two round
/// trips to the database (the activity id's claim in one batch with the address and whatever the turn must read, then
/// the state's conditional commit, which carries the history snapshot of the last turn). Round trips are Npgsql's own trace activities (one per command or batch sent),
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
    public async Task Every_answer_of_an_interview_costs_at_most_two_round_trips()
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
        foreach (var text in Interview)
        {
            using var turn = new Activity("turn").Start();
            using var response = await host.PostAsync(Turn("measured", text));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            turn.Stop();
            trips.Add((text, [.. sent.Where(s => s.Trace == turn.TraceId).Select(s => s.Name)]));
        }

        var report = string.Join(Environment.NewLine, trips.Select(t => $"{t.Text}: {t.Commands.Length} ({string.Join(", ", t.Commands)})"));
        output.WriteLine(report);

        // Every turn, the first (claim, address and reads in one batch) and the last (the history snapshot rides in the
        // turn's commit) included: the claim's batch and one commit.
        Assert.All(trips, t => Assert.True(t.Commands.Length <= 2, report));
        Assert.Equal(2, trips[0].Commands.Length);

        // What the batches carried was stored: the conversation's address, the diagnosis in the history, the state.
        var store = host.Services.GetRequiredService<IDocumentStore>();
        Assert.NotNull(await store.GetAsync(DocumentConversationDirectory.Collection, "msteams:measured", CancellationToken.None));
        Assert.Single(await store.ListAsync(HistoryStore.Collection, HistoryStore.KeyPrefix("msteams:measured"), 10, CancellationToken.None));
        Assert.NotNull(await store.GetAsync(AdvisorTurnHandler.Collection, "msteams:measured", CancellationToken.None));
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

    private static System.Text.Json.Nodes.JsonObject Turn(string conversation, string text)
    {
        var message = BotFrameworkHost.Message(conversation, text, "http://127.0.0.1:9/connector");
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
