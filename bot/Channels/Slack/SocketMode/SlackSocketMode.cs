using System.Text.Json;
using System.Text.Json.Nodes;
using FlywheelBot.Channels.Slack.Api;
using FlywheelBot.Channels.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack.SocketMode;

/// <summary>
/// Receives Slack over Socket Mode (no public URL): <c>apps.connections.open</c> with the app-level token gives a
/// single-use WebSocket URL; every envelope is handed to <see cref="SlackDispatcher"/> (as an HTTP request would be) and
/// acknowledged by its <c>envelope_id</c> at once, with the dispatcher's answer as <c>payload</c> when the envelope
/// <c>accepts_response_payload</c>. On Slack's <c>disconnect</c> (refresh_requested, warning...) a new link is opened
/// first and the old one closed after it (no envelope lost in between); a dropped link is reopened with a fresh URL after
/// a backoff (1 s doubling to 30 s). Authentication errors stop it with one error line.
/// </summary>
internal sealed partial class SlackSocketMode(
    SlackApiClient api,
    SlackDispatcher dispatcher,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SlackSocketMode> logger) : BackgroundService
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);
    private static readonly HashSet<string> Fatal = new(StringComparer.Ordinal) { "not_authed", "invalid_auth", "account_inactive", "user_removed_from_team", "team_disabled", "not_allowed_token_type" };
    private int _links;

    /// <summary>How many links have been opened (tests watch reconnects).</summary>
    public int LinksOpened => _links;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SocketModeLink? current = null;
        try
        {
            current = await ConnectAsync(stoppingToken);
            while (current is not null && !stoppingToken.IsCancellationRequested)
            {
                var reason = await current.Ended.WaitAsync(stoppingToken);
                if (reason.StartsWith("disconnect:", StringComparison.Ordinal))
                {
                    // Open the new link before letting go of the old one, which Slack keeps serving until it closes it.
                    var next = await ConnectAsync(stoppingToken);
                    await current.DisposeAsync();
                    current = next;
                }
                else
                {
                    await current.DisposeAsync();
                    current = null;
                    current = await ConnectAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (current is not null)
            {
                await current.DisposeAsync();
            }
        }
    }

    /// <summary>A fresh link with hello received, retrying with backoff; null after a fatal authentication error.</summary>
    private async Task<SocketModeLink?> ConnectAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            var opened = await api.ConnectionsOpenAsync(options.Value.AppToken ?? string.Empty, cancellationToken);
            if (!opened.Ok && opened.Error is { } error && Fatal.Contains(error))
            {
                LogFatal(logger, error);
                return null;
            }

            if (opened.Ok && Uri.TryCreate(opened.String("url"), UriKind.Absolute, out var url))
            {
                var link = new SocketModeLink(OnEnvelopeAsync, logger) { Id = Interlocked.Increment(ref _links) };
                try
                {
                    await link.OpenAsync(url, HelloTimeout, cancellationToken);
                    LogConnected(logger, link.Id);
                    return link;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogConnectFailed(logger, ex.Message);
                    await link.DisposeAsync();
                }
            }

            await Task.Delay(delay, clock, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private async Task OnEnvelopeAsync(SocketModeLink link, JsonElement envelope)
    {
        var id = envelope.Str("envelope_id")!;
        var ack = SlackAck.Empty;
        var inbound = envelope.Str("type") is { } type ? SlackRequestParser.FromSocketPayload(type, envelope.At("payload")) : null;
        if (inbound is null)
        {
            LogUnknownEnvelope(logger, envelope.Str("type") ?? "none");
        }
        else
        {
            try
            {
                ack = await dispatcher.AcceptAsync(inbound, CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogEnvelopeFailed(logger, ex);
            }
        }

        var reply = new JsonObject { ["envelope_id"] = id };
        if (ack.Body is not null && envelope.Flag("accepts_response_payload"))
        {
            reply["payload"] = ack.Body;
        }

        try
        {
            await link.SendAsync(reply.ToJsonString(), CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            LogAckFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode link {Link} connected")]
    private static partial void LogConnected(ILogger logger, int link);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection failed: {Reason}; retrying")]
    private static partial void LogConnectFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode stopped: apps.connections.open says {Error} (check Slack:AppToken, an xapp- token with connections:write)")]
    private static partial void LogFatal(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack Socket Mode envelope of type {Type} acknowledged and ignored")]
    private static partial void LogUnknownEnvelope(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Slack Socket Mode envelope could not be handled; it is acknowledged anyway")]
    private static partial void LogEnvelopeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Slack Socket Mode ack could not be sent: {Reason}")]
    private static partial void LogAckFailed(ILogger logger, string reason);
}
