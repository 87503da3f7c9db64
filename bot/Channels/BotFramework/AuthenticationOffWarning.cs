using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>Says loudly at start-up when authentication is off (no MicrosoftAppId; allowed in Development only).</summary>
internal sealed partial class AuthenticationOffWarning(IOptions<BotCredentials> credentials, ILogger<AuthenticationOffWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!credentials.Value.AuthenticationEnabled)
        {
            LogAuthenticationOff(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message =
        "*** AUTHENTICATION IS OFF *** MicrosoftAppId is not set, so /api/messages accepts requests from anyone who can reach it. " +
        "Replies go only to loopback service URLs or BotFramework:TrustedServiceUrls. Use this for local development only.")]
    private static partial void LogAuthenticationOff(ILogger logger);
}
