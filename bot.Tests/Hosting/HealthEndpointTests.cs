using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.TestSupport;

namespace FlywheelBot.Tests.Hosting;

/// <summary>
/// <c>/healthz</c> (live) and <c>/healthz/ready</c> (storage) on the real process, anonymous, with short bodies that
/// name no host, port or secret; PostgreSQL down at start: ready answers 503 while the bot retries, then it stops
/// with a clear error.
/// </summary>
[Trait("Runs", "BotProcess")]
public sealed class HealthEndpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flywheel-health-").FullName;

    [Fact]
    public async Task A_started_bot_is_live_and_ready()
    {
        await using var bot = await BotProcess.StartAsync(_directory, $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "bot.db")}");
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };

        var (liveStatus, live) = await GetAsync(client, "/healthz");
        var (readyStatus, ready) = await GetAsync(client, "/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("ok", live["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("ok", ready["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_PostgreSQL_down_the_bot_is_live_not_ready_then_stops_naming_the_setting()
    {
        // A port this test holds, where every connection is closed at once: PostgreSQL "not reachable yet".
        using var refusing = new TcpListener(IPAddress.Loopback, 0);
        refusing.Start();
        using var stop = new CancellationTokenSource();
        var closer = CloseEveryConnectionAsync(refusing, stop.Token);
        var closed = new Uri($"http://127.0.0.1:{((IPEndPoint)refusing.LocalEndpoint).Port}");
        const string password = "never-shown-anywhere";
        await using var bot = await BotProcess.StartAsync(
            _directory,
            "--Storage:Provider=Postgres",
            $"--Storage:ConnectionString=Host=127.0.0.1;Port={closed.Port};Database=flywheel;Username=bot;Password={password};Timeout=2",
            "--Storage:StartupRetryTimeout=00:00:06",
            "--CheckIns:Enabled=false");
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };

        var (liveStatus, _) = await GetAsync(client, "/healthz");
        var (readyStatus, ready) = await GetAsync(client, "/healthz/ready");
        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("unavailable", ready["status"]!.GetValue<string>());
        Assert.Contains("not reachable", ready["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(closed.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ready.ToJsonString(), StringComparison.Ordinal);
        Assert.True(exitCode == 1, $"exit code {exitCode}{Environment.NewLine}{bot.Output}");
        Assert.Contains("FlywheelBot cannot start:", bot.Output, StringComparison.Ordinal);
        Assert.Contains("Storage:StartupRetryTimeout", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, bot.Output, StringComparison.Ordinal);
        await stop.CancelAsync();
        await closer;
    }

    private static async Task CloseEveryConnectionAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using var connection = await listener.AcceptTcpClientAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
