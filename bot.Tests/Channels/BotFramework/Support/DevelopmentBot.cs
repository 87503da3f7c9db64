namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>
/// Class fixture: the bot in Development with authentication off (as with the Agents Playground), replying to a fake
/// connector. Tests use their own conversation ids, so they do not see each other's state.
/// </summary>
public sealed class DevelopmentBot : IAsyncLifetime
{
    internal FakeConnector Connector { get; private set; } = null!;

    internal BotFrameworkHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        Host = new BotFrameworkHost("Development", new Dictionary<string, string?> { ["BotFramework:AckTimeout"] = "00:00:02" });
        _ = Host.Server;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
