namespace FlywheelBot.Channels.BotFramework.Connector;

/// <summary>
/// Where the bot's outbound connector token comes from: its client secret (<see cref="BotTokenProvider"/>) or its
/// user-assigned managed identity (<see cref="ManagedIdentityTokenSource"/>), chosen by <c>MicrosoftAppType</c>.
/// </summary>
internal interface IBotTokenSource
{
    /// <summary>A bearer token for the connector, cached by the source until shortly before it expires.</summary>
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
