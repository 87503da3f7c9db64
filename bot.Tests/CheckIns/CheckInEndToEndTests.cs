using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.TestSupport;

namespace FlywheelBot.Tests.CheckIns;

/// <summary>
/// The real bot process (Development, auth off, SQLite in a temp file) against a fake connector on loopback:
/// subscribe for the next minute, receive exactly one check-in, answer it, get the follow-up; restart; nothing is
/// sent twice. Takes one to two minutes of wall-clock time (the check-in really waits for its minute).
/// </summary>
[Trait("Runs", "BotProcess")]
public sealed class CheckInEndToEndTests : IAsyncLifetime
{
    private const string Conversation = "a:e2e-checkin-conversation";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "flywheel-checkin-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private FakeConnector _connector = null!;
    private int _activityIds;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
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
    public async Task A_subscribed_conversation_gets_one_check_in_a_follow_up_and_nothing_twice_after_a_restart()
    {
        var bot = await StartBotAsync();
        try
        {
            await SayAsync(bot, "start");
            await SayAsync(bot, "sdm");
            await SayAsync(bot, "new"); // a new market: no funnel questions
            await SayAsync(bot, "not sure"); // what the team does now; then awareness advice, the team profile exists

            var now = DateTimeOffset.UtcNow;
            var due = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(now.Second < 30 ? 1 : 2);
            var confirmation = await SayAsync(bot, string.Create(CultureInfo.InvariantCulture, $"check in every {due.DayOfWeek} at {due:HH:mm} UTC"));
            Assert.Contains("Weekly check-in set", confirmation.ToJsonString(), StringComparison.Ordinal);
            Assert.Empty(Proactive());

            var checkIn = await WaitForAsync(() => Proactive().FirstOrDefault(), due.AddSeconds(90) - DateTimeOffset.UtcNow);
            Assert.True(DateTimeOffset.UtcNow >= due, "not before its minute");
            Assert.Contains("Weekly check-in", checkIn.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains("metric:monthly_visitors", checkIn.ToJsonString(), StringComparison.Ordinal); // asks for the awareness metrics
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)checkIn["attachments"]![0]!["contentType"]);
            await Task.Delay(TimeSpan.FromSeconds(3)); // several polls later: still one
            Assert.Single(Proactive());

            var followUp = await SayAsync(bot, "visitors 5400");
            var text = followUp.ToJsonString();
            Assert.Contains("Check-in saved", text, StringComparison.Ordinal);
            Assert.Contains("Bottleneck", text, StringComparison.OrdinalIgnoreCase);

            await bot.DisposeAsync();
            bot = await StartBotAsync();
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.Single(Proactive());
            var status = await SayAsync(bot, "check-in status");
            Assert.Contains("Next check-in", status.ToJsonString(), StringComparison.Ordinal);
            Assert.Single(Proactive());
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

    private Task<BotProcess> StartBotAsync() => BotProcess.StartAsync(
        _directory,
        "--Logging:LogLevel:Default=Information",
        $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "bot.db")}",
        "--CheckIns:PollInterval=00:00:00.500");

    private List<JsonObject> Proactive() => [.. _connector.Received.Where(r => r.Proactive).Select(r => r.Activity)];

    /// <summary>Sends a message activity and returns the bot's reply posted to the connector.</summary>
    private async Task<JsonObject> SayAsync(BotProcess bot, string text)
    {
        var before = _connector.Received.Count(r => !r.Proactive);
        var id = $"in-{Interlocked.Increment(ref _activityIds)}";
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "msteams",
            ["serviceUrl"] = _connector.ServiceUrl,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
            ["locale"] = "en-US",
            ["conversation"] = new JsonObject { ["id"] = Conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Ada" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot-1", ["name"] = "FlywheelBot" },
            ["text"] = text,
            ["entities"] = new JsonArray { new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = "UTC" } },
        };
        using var response = await _http.PostAsJsonAsync(new Uri(bot.BaseAddress, "/api/messages"), activity);
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode} to '{text}'");
        return await WaitForAsync(() => _connector.Received.Where(r => !r.Proactive).Skip(before).Select(r => r.Activity).LastOrDefault(), TimeSpan.FromSeconds(20));
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout)
        where T : class
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (probe() is { } found)
            {
                await Task.Delay(200); // let a reply that comes in parts finish
                return probe() ?? found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Nothing arrived within {timeout.TotalSeconds:0} s.");
    }
}
