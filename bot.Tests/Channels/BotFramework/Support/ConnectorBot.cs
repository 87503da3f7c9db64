namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>
/// Class fixture for outbound tests: the authenticated bot with every wait and timeout of the resilience pipeline at
/// 1/100 speed (and recorded), and the fake connector's root allow-listed. A connector attempt times out after
/// <see cref="AttemptTimeout"/> (1.2 s of real time), and so does an attempt at the token service: ample for a loopback answer on a busy machine, while the stalls
/// of the timeout tests (10 s) stay far longer than it.
/// </summary>
public sealed class ConnectorBot : PeeredBot
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMinutes(2);

    protected override double TimeScale => 0.01;

    private protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["BotFramework:ConnectorAttemptTimeout"] = AttemptTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        settings["BotFramework:TokenAttemptTimeout"] = AttemptTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        settings["BotFramework:TrustedServiceUrls:0"] = Connector.ServiceUrl;
    }
}
