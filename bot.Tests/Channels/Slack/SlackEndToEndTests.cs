using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.Slack.Support;
using FlywheelBot.Tests.TestSupport;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>
/// The real bot process with Slack on, signed requests over loopback and the fake Slack Web API (and, for Socket Mode,
/// the fake Socket Mode server): the bad-input table, a DM interview to the recommendation with a button click and a typed
/// answer, "what should we do next" as an app_mention answered in its thread, a retried event handled once, a slash
/// command acknowledged within Slack's 3 seconds, App Home published; then the same conversation over Socket Mode.
/// </summary>
[Trait("Runs", "BotProcess")]
public sealed class SlackEndToEndTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "flywheel-slack-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private FakeSlackApi _slack = null!;
    private int _ts;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _slack = await FakeSlackApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        SlackBlockCorpus.RecordCalls("e2e", _slack);
        await _slack.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private Task<BotProcess> StartBotAsync(params string[] extra) => BotProcess.StartAsync(
        _directory,
        [
            $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "bot.db")}",
            $"--Slack:SigningSecret={SlackRequests.SigningSecret}",
            $"--Slack:BotToken={FakeSlackApi.BotToken}",
            $"--Slack:ApiBaseUrl={_slack.BaseUrl}",
            .. extra,
        ]);

    private string NextTs() => $"1764579600.{Interlocked.Increment(ref _ts):D6}";

    private async Task<SlackApiCall> NextPostAsync(int before, Func<SlackApiCall, bool>? match = null)
    {
        for (var i = 0; i < 1000; i++)
        {
            var posted = _slack.CallsTo("chat.postMessage").Skip(before).Where(c => match?.Invoke(c) ?? true).ToList();
            if (posted.Count > 0)
            {
                return posted[0];
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("No chat.postMessage arrived. Calls: " + string.Join(", ", _slack.Calls.Select(c => c.Method)));
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_work_and_unknown_events_are_acknowledged()
    {
        var bot = await StartBotAsync();
        try
        {
            var now = DateTimeOffset.UtcNow;
            var ev = SlackRequests.Event(SlackRequests.DirectMessage("start", NextTs()));
            var unsigned = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(ev.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
            var cases = new (string Name, HttpRequestMessage Request, HttpStatusCode Expected)[]
            {
                ("unsigned", unsigned, HttpStatusCode.Unauthorized),
                ("stale (6 minutes old)", SlackRequests.SignedJson(ev, now.AddMinutes(-6)), HttpStatusCode.Unauthorized),
                ("signed with another secret", SlackRequests.Signed("application/json", ev.ToJsonString(), now, secret: "not-the-secret"), HttpStatusCode.Unauthorized),
                ("malformed JSON", SlackRequests.Signed("application/json", "{\"type\": \"event_callback\", ", now), HttpStatusCode.BadRequest),
                ("event_callback without an event", SlackRequests.Signed("application/json", "{\"type\":\"event_callback\",\"event_id\":\"Ev1\"}", now), HttpStatusCode.BadRequest),
                ("interactivity payload that is not JSON", SlackRequests.SignedForm([new("payload", "{not json")], now), HttpStatusCode.BadRequest),
                ("a form that is neither a command nor a payload", SlackRequests.SignedForm([new("hello", "world")], now), HttpStatusCode.BadRequest),
                ("not JSON nor a form", SlackRequests.Signed("text/plain", "hello", now), HttpStatusCode.BadRequest),
                ("unknown event type", SlackRequests.SignedJson(SlackRequests.Event(new JsonObject { ["type"] = "reaction_added", ["user"] = SlackRequests.UserId }), now), HttpStatusCode.OK),
                ("unknown callback type", SlackRequests.SignedJson(new JsonObject { ["type"] = "app_rate_limited", ["team_id"] = FakeSlackApi.TeamId }, now), HttpStatusCode.OK),
                ("ssl_check", new HttpRequestMessage(HttpMethod.Post, "/") { Content = new FormUrlEncodedContent([new("ssl_check", "1"), new("token", "x")]) }, HttpStatusCode.OK),
            };

            foreach (var (name, request, expected) in cases)
            {
                using var response = await _http.SendToEventsAsync(bot, request);
                Assert.True(expected == response.StatusCode, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(500);
            Assert.DoesNotContain(_slack.Calls, c => c.Method.StartsWith("chat.", StringComparison.Ordinal));
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_dm_interview_a_mention_in_a_thread_a_retry_a_slash_command_and_app_home_through_the_real_process()
    {
        var bot = await StartBotAsync();
        try
        {
            // DM interview: start, answer the first question with its button, type the next answer, get the recommendation.
            var posted = _slack.CallsTo("chat.postMessage").Count;
            using (await _http.SendToEventsAsync(bot, SlackRequests.SignedJson(SlackRequests.Event(SlackRequests.DirectMessage("start", NextTs())), DateTimeOffset.UtcNow)))
            {
            }

            var question = await NextPostAsync(posted);
            var blocks = JsonNode.Parse(question["blocks"])!.AsArray();
            var choices = blocks.Single(b => ((string?)b!["block_id"])?.StartsWith("fw:choices:", StringComparison.Ordinal) == true)!;
            var sdm = choices["elements"]!.AsArray().Select(e => e!.AsObject()).First(e => (string?)e["text"]!["text"] == "Senior decision-makers");
            posted = _slack.CallsTo("chat.postMessage").Count;
            using (await _http.SendToEventsAsync(bot, SlackRequests.SignedPayload(SlackRequests.BlockAction(sdm, (string)choices["block_id"]!, SlackRequests.DmChannel, "1764579600.100000"), DateTimeOffset.UtcNow)))
            {
            }

            var answered = await _slack.WaitForCallAsync("chat.update");
            Assert.Equal("1764579600.100000", answered["ts"]);
            await NextPostAsync(posted);
            posted = _slack.CallsTo("chat.postMessage").Count;
            using (await _http.SendToEventsAsync(bot, SlackRequests.SignedJson(SlackRequests.Event(SlackRequests.DirectMessage("new", NextTs())), DateTimeOffset.UtcNow)))
            {
            }

            await NextPostAsync(posted, c => c["text"].Contains("what are you doing now?", StringComparison.Ordinal));
            posted = _slack.CallsTo("chat.postMessage").Count;
            using (await _http.SendToEventsAsync(bot, SlackRequests.SignedJson(SlackRequests.Event(SlackRequests.DirectMessage("not sure", NextTs())), DateTimeOffset.UtcNow)))
            {
            }

            var advice = await NextPostAsync(posted, c => c["text"].Contains("Do this next", StringComparison.Ordinal));
            Assert.Contains("\"type\":\"header\"", advice["blocks"], StringComparison.Ordinal);

            // "What should we do next" as a mention in a channel: answered in the mention's thread.
            posted = _slack.CallsTo("chat.postMessage").Count;
            var mentionTs = NextTs();
            using (await _http.SendToEventsAsync(bot, SlackRequests.SignedJson(SlackRequests.Event(SlackRequests.Mention("what should we do next", mentionTs)), DateTimeOffset.UtcNow)))
            {
            }

            var inThread = await NextPostAsync(posted);
            Assert.Equal(SlackRequests.Channel, inThread["channel"]);
            Assert.Equal(mentionTs, inThread["thread_ts"]);

            // A retried event (Slack's timeout retry) is handled once.
            await Task.Delay(300);
            posted = _slack.CallsTo("chat.postMessage").Count;
            var retried = SlackRequests.Event(SlackRequests.DirectMessage("help", NextTs()), "EvE2ERETRY");
            using (await _http.SendToEventsAsync(bot, SlackRequests.SignedJson(retried, DateTimeOffset.UtcNow)))
            using (await _http.SendToEventsAsync(bot, SlackRequests.SignedJson(retried, DateTimeOffset.UtcNow, retryNum: 1)))
            {
            }

            await NextPostAsync(posted);
            await Task.Delay(700);
            Assert.Equal(posted + 1, _slack.CallsTo("chat.postMessage").Count);

            // A slash command is acknowledged within Slack's 3 seconds (empty body), and answered through the Web API.
            posted = _slack.CallsTo("chat.postMessage").Count;
            var watch = Stopwatch.StartNew();
            using (var ack = await _http.SendToEventsAsync(bot, SlackRequests.SignedForm(SlackRequests.Command(string.Empty), DateTimeOffset.UtcNow)))
            {
                watch.Stop();
                Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"acknowledged after {watch.Elapsed}");
            }

            var next = await NextPostAsync(posted);
            Assert.Contains("Do this next", next["text"], StringComparison.Ordinal);

            // App Home.
            using (await _http.SendToEventsAsync(bot, SlackRequests.SignedJson(SlackRequests.Event(new JsonObject { ["type"] = "app_home_opened", ["user"] = SlackRequests.UserId, ["channel"] = SlackRequests.DmChannel, ["tab"] = "home" }), DateTimeOffset.UtcNow)))
            {
            }

            var home = JsonNode.Parse((await _slack.WaitForCallAsync("views.publish"))["view"])!;
            Assert.Contains("Do this next", home.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_same_conversation_over_socket_mode()
    {
        await using var socket = await FakeSocketMode.StartAsync(_slack);
        var bot = await StartBotAsync("--Slack:SocketMode=true", $"--Slack:AppToken={FakeSlackApi.AppToken}");
        try
        {
            await socket.WaitForOpenLinksAsync(1);
            var posted = _slack.CallsTo("chat.postMessage").Count;
            await socket.SendAsync("events_api", SlackRequests.Event(SlackRequests.DirectMessage("start", NextTs())), acceptsResponsePayload: false);
            var question = await NextPostAsync(posted);
            var choices = JsonNode.Parse(question["blocks"])!.AsArray().Single(b => ((string?)b!["block_id"])?.StartsWith("fw:choices:", StringComparison.Ordinal) == true)!;
            var sdm = choices["elements"]![0]!.AsObject();

            posted = _slack.CallsTo("chat.postMessage").Count;
            await socket.SendAsync("interactive", SlackRequests.BlockAction(sdm, (string)choices["block_id"]!, SlackRequests.DmChannel, "1764579600.200000"), acceptsResponsePayload: false);
            Assert.Equal("1764579600.200000", (await _slack.WaitForCallAsync("chat.update"))["ts"]);
            await NextPostAsync(posted);

            posted = _slack.CallsTo("chat.postMessage").Count;
            await socket.SendAsync("events_api", SlackRequests.Event(SlackRequests.DirectMessage("new", NextTs())), acceptsResponsePayload: false);
            await NextPostAsync(posted, c => c["text"].Contains("what are you doing now?", StringComparison.Ordinal));

            posted = _slack.CallsTo("chat.postMessage").Count;
            await socket.SendAsync("events_api", SlackRequests.Event(SlackRequests.DirectMessage("not sure", NextTs())), acceptsResponsePayload: false);
            await NextPostAsync(posted, c => c["text"].Contains("Do this next", StringComparison.Ordinal));

            posted = _slack.CallsTo("chat.postMessage").Count;
            var ack = await socket.SendAsync("slash_commands", SlackSocketModeFakeTests.JsonSerializerNode(SlackRequests.Command("help")), acceptsResponsePayload: true);
            Assert.NotNull(ack["envelope_id"]);
            await NextPostAsync(posted, c => c["text"].Contains("How I can help", StringComparison.Ordinal));
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }
}
