using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using Microsoft.AspNetCore.TestHost;
using Xunit.Abstractions;

namespace FlywheelBot.Tests.Storage;

/// <summary>
/// The whole app on PostgreSQL, a whole interview through <c>/api/messages</c>: every answer costs at most two round
/// trips to the database (the activity id's claim, then the state's read-free conditional commit; the read of a
/// first turn is the exception). Round trips are Npgsql's own trace activities (one per command or batch sent),
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
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity => sent.Add((activity.TraceId, activity.DisplayName)),
        };
        ActivitySource.AddActivityListener(listener);

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

        // The first turn also reads (nothing is known yet) and saves the conversation's address; the last one also
        // records the diagnosis in the history. Every answer in between: the claim and one commit.
        Assert.All(trips.Skip(1).SkipLast(1), t => Assert.True(t.Commands.Length <= 2, report));
        Assert.True(trips[^1].Commands.Length > 0, report);
    }

    private static System.Text.Json.Nodes.JsonObject Turn(string conversation, string text)
    {
        var message = BotFrameworkHost.Message(conversation, text, "http://127.0.0.1:9/connector");
        message["deliveryMode"] = "expectReplies";
        return message;
    }
}
