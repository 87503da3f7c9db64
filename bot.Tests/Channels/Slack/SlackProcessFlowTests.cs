using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.Slack.Support;
using FlywheelBot.Tests.TestSupport;
using FlywheelBot.Views;
using Microsoft.Data.Sqlite;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>
/// The Slack flows that need the real bot process to be believed (signed requests over loopback, the fake Slack Web API,
/// SQLite in a temp file): a weekly check-in set in a DM in the user's Slack time zone and posted exactly once through
/// chat.postMessage when its minute comes; while it waits, the modal interview with a bad number answered with
/// <c>response_action: errors</c> on that field, the first-visit welcome posted once, and a slash command's help in a
/// channel sent ephemeral to its caller; then the database file is deleted under the running bot and a DM and a
/// slash command are still acknowledged, logged, and answered with the short apology instead of silence. The check-in
/// really waits for its wall-clock minute (30 to 90 seconds), as the Teams check-in end-to-end test does.
/// </summary>
[Trait("Runs", "BotProcess")]
public sealed class SlackProcessFlowTests : IAsyncLifetime
{
    private const string Bea = "U0BEA";
    private const string BeaDm = "D0BEA";
    private const string BeaZone = "Asia/Kolkata"; // +05:30 all year: the check-in minute is local, not UTC

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "flywheel-slack-flows-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private FakeSlackApi _slack = null!;
    private int _ts;

    private string DatabasePath => Path.Combine(_directory, "bot.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _slack = await FakeSlackApi.StartAsync();
        _slack.SetTimeZone(Bea, BeaZone);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        SlackBlockCorpus.RecordCalls("e2e-flows", _slack);
        await _slack.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    [Fact]
    public async Task A_check_in_posted_once_a_form_field_error_and_an_apology_when_storage_fails_through_the_real_process()
    {
        var bot = await BotProcess.StartAsync(
            _directory,
            "--Logging:LogLevel:Default=Information",
            $"--Storage:ConnectionString=Data Source={DatabasePath}",
            $"--Slack:SigningSecret={SlackRequests.SigningSecret}",
            $"--Slack:BotToken={FakeSlackApi.BotToken}",
            $"--Slack:ApiBaseUrl={_slack.BaseUrl}",
            "--CheckIns:PollInterval=00:00:00.500");
        try
        {
            // Bea's team profile, then a weekly check-in for the next minute of her Slack profile's zone (no zone given).
            await SayAsync(bot, "start", Bea, BeaDm);
            await SayAsync(bot, "sdm", Bea, BeaDm);
            await SayAsync(bot, "new", Bea, BeaDm);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(BeaZone);
            var now = DateTimeOffset.UtcNow;
            var dueUtc = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(now.Second < 30 ? 1 : 2);
            var dueLocal = TimeZoneInfo.ConvertTime(dueUtc, zone);
            var confirmation = await SayAsync(bot, string.Create(CultureInfo.InvariantCulture, $"check in every {dueLocal.DayOfWeek} at {dueLocal:HH:mm}"), Bea, BeaDm);
            Assert.Contains("Weekly check-in set", confirmation, StringComparison.Ordinal);
            Assert.Contains(BeaZone, confirmation, StringComparison.Ordinal);
            var postedToBea = PostsTo(BeaDm).Count;

            // Meanwhile Ada's interview reaches a number question; "Answer in a form" opens the modal.
            await SayAsync(bot, "start");
            await SayAsync(bot, "sdm");
            var before = PostsTo(SlackRequests.DmChannel).Count;
            await SayAsync(bot, "emerging");
            var question = PostsTo(SlackRequests.DmChannel).Skip(before).Single(c => c["blocks"].Contains("\"fw:form\"", StringComparison.Ordinal));
            var blocks = JsonNode.Parse(question["blocks"])!.AsArray();
            var questionId = ((string)blocks.Single(b => (string?)b!["type"] == "input")!["block_id"]!)["fw:q:".Length..];
            var formButton = blocks.Single(b => (string?)b!["block_id"] == "fw:form")!["elements"]![0]!.AsObject();
            using (var ack = await _http.SendToEventsAsync(bot, SlackRequests.SignedPayload(SlackRequests.BlockAction(formButton, "fw:form", SlackRequests.DmChannel, "1764579600.900000"), DateTimeOffset.UtcNow)))
            {
                Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            }

            var view = JsonNode.Parse((await _slack.WaitForCallAsync("views.open"))["view"])!.AsObject();
            var fields = view["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "input").Select(b => ((string)b!["block_id"]!)[2..]).ToList();
            Assert.Equal(questionId, fields[0]);

            // A bad number: the modal stays open with the error on that field, and nothing is posted.
            var adaPosts = PostsTo(SlackRequests.DmChannel).Count;
            var numbers = fields.ToDictionary(f => f, f => (string?)null);
            numbers[questionId] = "-5";
            using (var rejected = await _http.SendToEventsAsync(bot, SlackRequests.SignedPayload(SlackRequests.ViewSubmission(view, numbers), DateTimeOffset.UtcNow)))
            {
                Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
                var body = JsonNode.Parse(await rejected.Content.ReadAsStringAsync())!.AsObject();
                Assert.Equal("errors", (string?)body["response_action"]);
                var errors = body["errors"]!.AsObject();
                Assert.Equal(new[] { $"m:{questionId}" }, errors.Select(e => e.Key).ToArray());
                Assert.Contains("at least 0", (string?)errors[$"m:{questionId}"], StringComparison.Ordinal);
            }

            // A good number closes the modal (empty ack) and the interview moves past that question.
            numbers[questionId] = "2400";
            using (var accepted = await _http.SendToEventsAsync(bot, SlackRequests.SignedPayload(SlackRequests.ViewSubmission(view, numbers), DateTimeOffset.UtcNow)))
            {
                Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
                Assert.Equal(string.Empty, await accepted.Content.ReadAsStringAsync());
            }

            var next = await WaitForAsync(() => PostsTo(SlackRequests.DmChannel).Skip(adaPosts).FirstOrDefault(), TimeSpan.FromSeconds(20));
            Assert.DoesNotContain($"fw:q:{questionId}\"", next["blocks"], StringComparison.Ordinal);

            // A first-time visitor is welcomed once in their DM, whichever tabs they open; a command's help in a channel is
            // only for its caller.
            const string Cat = "U0CAT", CatDm = "D0CAT";
            foreach (var tab in new[] { "home", "messages", "home" })
            {
                var opened = new JsonObject { ["type"] = "app_home_opened", ["user"] = Cat, ["channel"] = CatDm, ["tab"] = tab, ["event_ts"] = "1764579600.000700" };
                using var ack = await _http.SendToEventsAsync(bot, SlackRequests.SignedJson(SlackRequests.Event(opened), DateTimeOffset.UtcNow));
                Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            }

            var welcome = await WaitForAsync(() => PostsTo(CatDm).FirstOrDefault(), TimeSpan.FromSeconds(20));
            Assert.Contains(ViewTexts.WelcomeWhat, welcome["text"], StringComparison.Ordinal);
            using (var ack = await _http.SendToEventsAsync(bot, SlackRequests.SignedForm(SlackRequests.Command("help", SlackRequests.Channel), DateTimeOffset.UtcNow)))
            {
                Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            }

            var help = await _slack.WaitForCallAsync("chat.postEphemeral");
            Assert.Equal(SlackRequests.Channel, help["channel"]);
            Assert.Equal(SlackRequests.UserId, help["user"]);
            Assert.Empty(PostsTo(SlackRequests.Channel));

            // The check-in: posted once, not before its minute, as a new message in Bea's DM.
            List<SlackApiCall> CheckIns() => [.. PostsTo(BeaDm).Skip(postedToBea).Where(c => c["text"].StartsWith("Weekly check-in (week ", StringComparison.Ordinal))];
            var checkIn = await WaitForAsync(() => CheckIns().FirstOrDefault(), dueUtc.AddSeconds(90) - DateTimeOffset.UtcNow);
            Assert.True(DateTimeOffset.UtcNow >= dueUtc, "not before its minute");
            Assert.Contains(BeaZone, checkIn["text"], StringComparison.Ordinal);
            Assert.False(checkIn.Args.ContainsKey("thread_ts"));
            await Task.Delay(TimeSpan.FromSeconds(3)); // several polls later: still one
            Assert.Single(CheckIns());
            Assert.Single(PostsTo(CatDm)); // the welcome, still once, long after the third visit

            // The store fails under the running bot: every request is still acknowledged, and the user gets the apology.
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(DatabasePath + suffix);
            }

            await WaitForAsync(() => bot.Output.Contains("bot.db was deleted while the bot was running", StringComparison.Ordinal) ? bot.Output : null, TimeSpan.FromSeconds(20));
            Assert.Equal(TurnFailedView.Text, await SayAsync(bot, "what should I do next"));

            adaPosts = PostsTo(SlackRequests.DmChannel).Count;
            using (var ack = await _http.SendToEventsAsync(bot, SlackRequests.SignedForm(SlackRequests.Command("history"), DateTimeOffset.UtcNow)))
            {
                Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            }

            var commandApology = await WaitForAsync(() => PostsTo(SlackRequests.DmChannel).Skip(adaPosts).FirstOrDefault(), TimeSpan.FromSeconds(20));
            Assert.Equal(TurnFailedView.Text, commandApology["text"]);
            Assert.Contains("could not be recorded as handled; it is handled without the retry check", bot.Output, StringComparison.Ordinal);
            Assert.Contains("turn failed; the user gets an apology", bot.Output, StringComparison.Ordinal);
            Assert.False(bot.HasExited);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}Bot output:{Environment.NewLine}{bot.Output}", ex);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    private List<SlackApiCall> PostsTo(string channel) => [.. _slack.CallsTo("chat.postMessage").Where(c => c["channel"] == channel)];

    /// <summary>A signed DM event; returns the text of the bot's reply in that DM (all its parts, once no more arrive).</summary>
    private async Task<string> SayAsync(BotProcess bot, string text, string user = SlackRequests.UserId, string channel = SlackRequests.DmChannel)
    {
        var before = PostsTo(channel).Count;
        var ts = $"1764579600.{Interlocked.Increment(ref _ts):D6}";
        using (var ack = await _http.SendToEventsAsync(bot, SlackRequests.SignedJson(SlackRequests.Event(SlackRequests.DirectMessage(text, ts, user, channel)), DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        await WaitForAsync(() => PostsTo(channel).Skip(before).FirstOrDefault(), TimeSpan.FromSeconds(20));
        for (var count = 0; count != PostsTo(channel).Count;)
        {
            count = PostsTo(channel).Count;
            await Task.Delay(400); // a reply in parts: wait until no more arrive
        }

        return string.Join("\n", PostsTo(channel).Skip(before).Select(c => c["text"]));
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Nothing arrived within {timeout.TotalSeconds:0} s.");
    }
}
