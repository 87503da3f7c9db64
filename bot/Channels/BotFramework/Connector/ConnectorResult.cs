namespace FlywheelBot.Channels.BotFramework.Connector;

/// <summary>How a connector call ended: the HTTP status (0 when no answer came: timeout, network, token) and the new activity id.</summary>
internal sealed record ConnectorResult(int StatusCode, string? ActivityId)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public static ConnectorResult NoAnswer { get; } = new(0, null);
}
