using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using FlywheelBot.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlywheelBot.Tests.Hosting;

/// <summary>
/// With <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> the real process exports its telemetry to the connection string's
/// ingestion endpoint (a fake on loopback here) and keeps answering. Run against the published app too (Native AOT,
/// <see cref="BotProcess.PublishedApp"/>): the Azure Monitor distro carries trim warnings of its own, so this is where a
/// part of it lost to trimming would show.
/// </summary>
[Trait("Runs", "BotProcess")]
public sealed class TelemetryProcessTests : IAsyncLifetime
{
    private const string Secret = "quokka-lemonade-4417";

    private readonly string _directory = Directory.CreateTempSubdirectory("flywheel-otel-process-").FullName;
    private readonly ConcurrentQueue<string> _envelopes = new();
    private FakeConnector _connector = null!;
    private WebApplication _ingestion = null!;
    private BotProcess _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        string ingestionUrl;
        (_ingestion, ingestionUrl) = await LoopbackServer.StartAsync(app => app.MapPost("/v2.1/track", async (HttpContext context) =>
        {
            Stream body = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
                : context.Request.Body;
            using var reader = new StreamReader(body, Encoding.UTF8);
            _envelopes.Enqueue(await reader.ReadToEndAsync());
            return Results.Json(new { itemsReceived = 1, itemsAccepted = 1, errors = Array.Empty<object>() });
        }));

        _bot = await BotProcess.StartAsync(
            _directory,
            new Dictionary<string, string>
            {
                ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = $"InstrumentationKey=00000000-0000-0000-0000-0000000000a1;IngestionEndpoint={ingestionUrl}/",
            },
            $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "bot.db")}",
            "--CheckIns:Enabled=false");
    }

    [Fact]
    public async Task The_requests_reach_the_ingestion_endpoint_without_the_users_words_and_the_bot_answers()
    {
        // Like the Bot Framework channel, the test sends no trace context: a test process's own listeners could otherwise
        // hand the bot an unsampled parent, and the bot rightly records nothing under it.
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator() })
        {
            BaseAddress = _bot.BaseAddress,
        };

        // The Azure Monitor distro samples requests by rate (a few per second, its default), so a request may be left
        // out: a turn every half second until one is exported, each answered.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var turns = 0;
        do
        {
            var conversation = "otel-" + Guid.NewGuid().ToString("N");
            using var content = new StringContent(BotFrameworkHost.Message(conversation, $"help {Secret}", _connector.ServiceUrl).ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/api/messages", content);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{response.StatusCode}{Environment.NewLine}{_bot.Output}");
            Assert.NotEmpty(await _connector.WaitForAsync(conversation, 1));
            turns++;
            await Task.Delay(500);
        }
        while (!_envelopes.Any(e => e.Contains("\"RequestData\"", StringComparison.Ordinal)) && DateTime.UtcNow < deadline);

        var exported = string.Join(Environment.NewLine, _envelopes);
        Assert.True(exported.Contains("\"RequestData\"", StringComparison.Ordinal), $"no request telemetry exported after {turns} turns:{Environment.NewLine}{exported}{Environment.NewLine}{_bot.Output}");
        Assert.Contains("/api/messages", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exported, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _ingestion.DisposeAsync();
        await _connector.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
