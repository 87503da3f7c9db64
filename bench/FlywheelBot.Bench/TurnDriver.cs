using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlywheelBot.Bench;

/// <summary>Sends Bot Framework message activities with <c>deliveryMode: expectReplies</c>, as a channel would.</summary>
internal sealed class TurnDriver(HttpClient client)
{
    /// <summary>
    /// Runs both endpoints in rounds until the server's JIT has settled: tiered compilation re-compiles hot methods in
    /// the background for many seconds under load, and a phase measured meanwhile measures the compiler. A round is
    /// <paramref name="conversations"/> interviews and as many bare requests as turns; warm-up ends after a round in
    /// which the server compiled almost nothing new (or after <paramref name="maxRounds"/>). Returns the rounds run.
    /// </summary>
    public async Task<int> WarmUpAsync(int connections, int conversations, int maxRounds = 20)
    {
        var compiled = await CompiledMethodsAsync();
        for (var round = 1; round <= maxRounds; round++)
        {
            await RunBareAsync(conversations * InterviewScript.Turns.Length, connections);
            await RunInterviewsAsync(Math.Max(connections, conversations), connections, $"warmup-{round}-{Guid.NewGuid():N}");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var now = await CompiledMethodsAsync();
            if (now - compiled <= SettledMethods)
            {
                return round;
            }

            compiled = now;
        }

        return maxRounds;
    }

    /// <summary>
    /// Warm-up for a server with no JIT counter to ask (the reference bot on node, the published app, compiled ahead of
    /// time): <paramref name="rounds"/> rounds of the same work as <see cref="WarmUpAsync"/> (without the bare requests
    /// when the server has no bare endpoint).
    /// </summary>
    public async Task WarmUpRoundsAsync(int connections, int conversations, int rounds, bool bare = true)
    {
        for (var round = 1; round <= rounds; round++)
        {
            if (bare)
            {
                await RunBareAsync(conversations * InterviewScript.Turns.Length, connections);
            }

            await RunInterviewsAsync(Math.Max(connections, conversations), connections, $"warmup-{round}-{Guid.NewGuid():N}");
        }
    }

    /// <summary>New compilations per round below which the JIT counts as settled.</summary>
    private const long SettledMethods = 10;

    /// <summary>The server's garbage collections so far: gen0, gen1, gen2 counts, the total pause (ms), managed heap and committed MB.</summary>
    public async Task<double[]> GarbageCollectionsAsync() =>
        [.. (await client.GetStringAsync("/bench/gc")).Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];

    private async Task<long> CompiledMethodsAsync() =>
        long.Parse(await client.GetStringAsync("/bench/jit"), System.Globalization.CultureInfo.InvariantCulture);

    public Task<Measurement> RunBareAsync(int requests, int connections)
    {
        var body = Activity("bare", "bare-conversation", InterviewScript.Turns[0]);
        return Measure(requests, connections, async (_, latencies) =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/bench/bare", Content(body));
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response.StatusCode == HttpStatusCode.OK;
        });
    }

    /// <summary>Each unit of work is one whole interview in its own conversation; every turn is timed.</summary>
    public Task<Measurement> RunInterviewsAsync(int conversations, int connections, string prefix) =>
        Measure(conversations, connections, async (index, latencies) =>
        {
            var ok = true;
            var conversation = $"{prefix}-{index}";
            for (var turn = 0; turn < InterviewScript.Turns.Length; turn++)
            {
                var body = Activity(Guid.NewGuid().ToString("N"), conversation, InterviewScript.Turns[turn]);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/api/messages", Content(body));
                var payload = await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                ok &= IsGoodReply(response.StatusCode, payload, last: turn == InterviewScript.Turns.Length - 1);
            }

            return ok;
        });

    /// <summary>
    /// A turn succeeded when it got 200 with at least one reply activity and no apology; the last turn's replies must
    /// carry the recommendation card (so a conversation that lost its place, or re-asked a question, counts as failed).
    /// The body is scanned with a forward-only reader (the replies' <c>summary</c> and <c>text</c>), not built into a
    /// document: the load generator shares the server's cores, and its own parsing should cost as little as it can.
    /// </summary>
    public static bool IsGoodReply(HttpStatusCode status, byte[] payload, bool last)
    {
        if (status != HttpStatusCode.OK)
        {
            return false;
        }

        var reader = new Utf8JsonReader(payload);
        var replies = 0;
        var recommended = false;
        try
        {
            while (reader.Read())
            {
                // Depth 1: the body's fields; 2: an element of "activities"; 3: a field of that activity.
                if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
                {
                    replies++;
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 3
                    && (reader.ValueTextEquals("summary"u8) || reader.ValueTextEquals("text"u8)))
                {
                    reader.Read();
                    var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
                    if (text.Contains(InterviewScript.ApologyMarker, StringComparison.Ordinal))
                    {
                        return false;
                    }

                    recommended |= text.Contains(InterviewScript.RecommendationMarker, StringComparison.Ordinal);
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return replies > 0 && (!last || recommended);
    }

    internal static async Task<Measurement> Measure(int units, int connections, Func<int, ConcurrentBag<double>, Task<bool>> work)
    {
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < units)
            {
                try
                {
                    if (!await work(index, latencies))
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        await Task.WhenAll(workers);
        clock.Stop();
        return new Measurement([.. latencies], clock.Elapsed, errors);
    }

    private static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");

    public static string ActivityJson(string id, string conversationId, string text, string serviceUrl = BenchServiceUrl) =>
        Activity(id, conversationId, text, serviceUrl);

    private const string BenchServiceUrl = "http://127.0.0.1:9/bench-connector";

    private static string Activity(string id, string conversationId, string text, string serviceUrl = BenchServiceUrl) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["deliveryMode"] = "expectReplies",
        ["from"] = new JsonObject { ["id"] = "bench-user", ["name"] = "Bench User" },
        ["recipient"] = new JsonObject { ["id"] = "bench-bot", ["name"] = "FlywheelBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal" },
        ["text"] = text,
        ["locale"] = "en-US",
    }.ToJsonString();
}
