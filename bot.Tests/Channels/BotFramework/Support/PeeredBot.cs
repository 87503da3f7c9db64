namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>
/// An authenticated bot (single-tenant, Production) with its peers: the tests' own token service (real loopback metadata
/// and JWKS) and a fake connector that also issues the bot's outbound tokens. Subclasses adjust settings and clock speed.
/// </summary>
public abstract class PeeredBot : IAsyncLifetime
{
    internal TokenServer Tokens { get; private set; } = null!;

    internal FakeConnector Connector { get; private set; } = null!;

    internal BotFrameworkHost Host { get; private set; } = null!;

    protected virtual double TimeScale => 1.0;

    public async Task InitializeAsync()
    {
        Tokens = await TokenServer.StartAsync();
        Connector = await FakeConnector.StartAsync();
        Host = NewHost();
        _ = Host.Server;
    }

    /// <summary>Another host with the same peers (its own key cache, token cache and store); the caller disposes it.</summary>
    internal BotFrameworkHost NewHost(Action<Dictionary<string, string?>>? change = null)
    {
        var settings = BotFrameworkHost.Authenticated(Tokens, Connector);
        Configure(settings);
        change?.Invoke(settings);
        return new BotFrameworkHost("Production", settings, TimeScale);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        await Tokens.DisposeAsync();
    }

    private protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }
}
