using System.Net;
using FlywheelBot.Tests.Channels.BotFramework.Support;

namespace FlywheelBot.Tests.Channels.BotFramework;

/// <summary>
/// Start-up fetches the Bot Framework signing keys before any request (so the first turn after a restart does not
/// wait for them), and the first request then uses them without fetching again.
/// </summary>
public sealed class SigningKeysPrefetchTests : IAsyncLifetime
{
    private TokenServer _tokens = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _tokens = await TokenServer.StartAsync();
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _tokens.DisposeAsync();
    }

    [Fact]
    public async Task The_keys_are_fetched_at_start_and_the_first_request_uses_them()
    {
        await using var host = new BotFrameworkHost("Production", BotFrameworkHost.Authenticated(_tokens, _connector));
        _ = host.Server;

        // Bounded wait on real time for the background fetch; no request has been sent.
        for (var i = 0; i < 1000 && _tokens.KeySetRequests == 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, _tokens.KeySetRequests);
        using var response = await host.PostAsync(
            BotFrameworkHost.Message("prefetched", "hi", _connector.ServiceUrl), _tokens.BotFrameworkToken(BotFrameworkHost.AppId, _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Turns.For("msteams:prefetched"));
        Assert.Equal(1, _tokens.KeySetRequests);
    }

    [Fact]
    public async Task Without_authentication_nothing_is_fetched()
    {
        await using var host = new BotFrameworkHost("Development", new Dictionary<string, string?>
        {
            ["BotFramework:OpenIdMetadataUrl"] = _tokens.BotFrameworkMetadataUrl,
        });
        _ = host.Server;
        using var response = await host.PostAsync(BotFrameworkHost.Message("open", "hi", _connector.ServiceUrl));

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Single(host.Turns.For("msteams:open"));
        Assert.Equal(0, _tokens.KeySetRequests);
    }
}
