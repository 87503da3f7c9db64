namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>
/// Class fixture: the bot in Production with a single-tenant identity, trusting the tests' own token service (real
/// loopback metadata and JWKS) and getting its outbound tokens from the fake connector's token endpoint.
/// </summary>
public sealed class AuthenticatedBot : IAsyncLifetime
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

    /// <summary>Another host with the same peers (its own key cache, token cache and store); the caller disposes it.</summary>
    internal BotFrameworkHost NewHost(Action<Dictionary<string, string?>>? change = null)
    {
        var settings = BotFrameworkHost.Authenticated(Tokens, Connector);
        change?.Invoke(settings);
        return new BotFrameworkHost("Production", settings);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        await Tokens.DisposeAsync();
    }
}
