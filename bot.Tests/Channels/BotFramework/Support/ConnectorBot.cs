namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>
/// Class fixture for outbound tests: an authenticated bot whose retry waits run at 1/100 speed (and are recorded), whose
/// connector attempts time out after 300 ms, and which trusts the fake connector's root by allow-list.
/// </summary>
public sealed class ConnectorBot : IAsyncLifetime
{
    internal TokenServer Tokens { get; private set; } = null!;

    internal FakeConnector Connector { get; private set; } = null!;

    internal BotFrameworkHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Tokens = await TokenServer.StartAsync();
        Connector = await FakeConnector.StartAsync();
        Host = NewHost();
        _ = Host.Server;
    }

    internal BotFrameworkHost NewHost(Action<Dictionary<string, string?>>? change = null)
    {
        var settings = BotFrameworkHost.Authenticated(Tokens, Connector);
        settings["BotFramework:ConnectorAttemptTimeout"] = "00:00:00.300";
        settings["BotFramework:TrustedServiceUrls:0"] = Connector.ServiceUrl;
        change?.Invoke(settings);
        return new BotFrameworkHost("Production", settings, timeScale: 0.01);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        await Tokens.DisposeAsync();
    }
}
