namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>
/// Class fixture for outbound tests: the authenticated bot with retry waits at 1/100 speed (and recorded), connector
/// attempts timing out after 300 ms, and the fake connector's root allow-listed.
/// </summary>
public sealed class ConnectorBot : PeeredBot
{
    protected override double TimeScale => 0.01;

    private protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["BotFramework:ConnectorAttemptTimeout"] = "00:00:00.300";
        settings["BotFramework:TrustedServiceUrls:0"] = Connector.ServiceUrl;
    }
}
