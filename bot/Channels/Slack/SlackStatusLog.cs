namespace FlywheelBot.Channels.Slack;

/// <summary>Says once, at start-up, whether the Slack channel is on and how it receives (HTTP or Socket Mode), or why it is off.</summary>
internal sealed partial class SlackStatusLog(SlackSwitch state, ILogger<SlackStatusLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (state.Enabled)
        {
            LogOn(logger, state.SocketMode ? "Socket Mode" : "HTTP at /api/slack/events");
        }
        else
        {
            LogOff(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack is on; receiving over {Transport}")]
    private static partial void LogOn(ILogger logger, string transport);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack is off: set Slack:SigningSecret and Slack:BotToken (one workspace; or Slack:SocketMode, Slack:AppToken and Slack:BotToken) or Slack:ClientId and Slack:ClientSecret (OAuth) to switch it on")]
    private static partial void LogOff(ILogger logger);
}
