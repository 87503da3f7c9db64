using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using FlywheelBot.Tests.TestSupport;

namespace FlywheelBot.Tests.Channels.BotFramework;

/// <summary>
/// Issue 14, item 1, black-box: the real bot process in Development (authentication off) must never send to itself, to
/// a serviceUrl with a query, fragment or user info, or anywhere but loopback; it says at start-up that auth is off.
/// </summary>
[Trait("Runs", "BotProcess")]
public sealed class ServiceUrlSafetyTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flywheel-serviceurl-").FullName;
    private FakeConnector _connector = null!;
    private BotProcess _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await BotProcess.StartAsync(_directory, $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "bot.db")}");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Service_urls_that_point_back_at_the_bot_or_carry_a_query_fragment_or_user_info_are_400_and_the_bot_stays_well()
    {
        var own = _bot.BaseAddress.GetLeftPart(UriPartial.Authority);
        var other = LoopbackServer.ClosedPortUrl();
        string[] refused =
        [
            own + "/api/messages#",
            own + "/api/messages",
            own + "/",
            $"http://localhost:{_bot.BaseAddress.Port}/",
            other + "/internal/admin?x=",
            other + "/#frag",
            "http://admin:secret@127.0.0.1:1/",
            "file:///etc/passwd",
            "https://smba.example.com/emea/",
        ];

        foreach (var serviceUrl in refused)
        {
            using var response = await PostAsync(serviceUrl, "refused-" + Guid.NewGuid().ToString("N"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{serviceUrl}: {(int)response.StatusCode}");
        }

        var conversation = "fine-" + Guid.NewGuid().ToString("N");
        using var fine = await PostAsync(_connector.ServiceUrl, conversation);

        Assert.True(fine.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{fine.StatusCode}");
        Assert.NotEmpty(await _connector.WaitForAsync(conversation, 1));
        Assert.False(_bot.HasExited);
        Assert.DoesNotContain("/api/messages/v3/", _bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_start_up_log_says_loudly_that_authentication_is_off()
    {
        Assert.Contains("AUTHENTICATION IS OFF", _bot.Output, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string serviceUrl, string conversation)
    {
        using var client = new HttpClient { BaseAddress = _bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var activity = BotFrameworkHost.Message(conversation, "hi", serviceUrl);
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/messages", content);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
