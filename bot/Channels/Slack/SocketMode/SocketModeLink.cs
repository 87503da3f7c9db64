using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace FlywheelBot.Channels.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: waits for Slack's <c>hello</c>, hands every envelope to <see cref="_onEnvelope"/> and sends
/// its ack (sends are serialised: a WebSocket allows one at a time), and ends with <see cref="Ended"/>: the reason of a
/// <c>disconnect</c> message (the link still works until Slack closes it), or <c>closed</c>/<c>error</c> when it dropped.
/// </summary>
internal sealed partial class SocketModeLink : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<SocketModeLink, JsonElement, Task> _onEnvelope;
    private readonly ILogger _logger;
    private Task? _receiving;

    public SocketModeLink(Func<SocketModeLink, JsonElement, Task> onEnvelope, ILogger logger)
    {
        _onEnvelope = onEnvelope;
        _logger = logger;
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
    }

    public int Id { get; init; }

    /// <summary>Completes with why the link ended or is about to (<c>disconnect:refresh_requested</c>, <c>closed</c>, <c>error</c>...).</summary>
    public Task<string> Ended => _ended.Task;

    /// <summary>Connects and waits for <c>hello</c>; throws when either does not happen within <paramref name="timeout"/>.</summary>
    public async Task OpenAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        await _socket.ConnectAsync(url, limit.Token);
        _receiving = Task.Run(ReceiveAsync, CancellationToken.None);
        await _hello.Task.WaitAsync(limit.Token);
    }

    public async Task SendAsync(string json, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "reconnected", limit.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Closing a link that is going away anyway.
            }
        }

        _socket.Abort();
        if (_receiving is not null)
        {
            await _receiving;
        }

        _socket.Dispose();
        _stop.Dispose();
        _sending.Dispose();
        _ended.TrySetResult("closed");
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var frame = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    _ended.TrySetResult("closed");
                    return;
                }

                message.Write(buffer, 0, frame.Count);
                if (!frame.EndOfMessage)
                {
                    continue;
                }

                var text = message.ToArray();
                message.SetLength(0);
                await HandleAsync(text);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            if (!_stop.IsCancellationRequested)
            {
                LogDropped(_logger, Id, ex.Message);
            }
        }

        _hello.TrySetException(new WebSocketException("The Socket Mode link closed before hello."));
        _ended.TrySetResult("error");
    }

    private async Task HandleAsync(byte[] text)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            LogUnreadable(_logger, Id);
            return;
        }

        switch (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) ? type.GetString() : null)
        {
            case "hello":
                _hello.TrySetResult();
                break;
            case "disconnect":
                var reason = root.TryGetProperty("reason", out var r) ? r.GetString() : null;
                LogDisconnect(_logger, Id, reason ?? "unknown");
                _ended.TrySetResult($"disconnect:{reason}");
                break;
            default:
                if (root.TryGetProperty("envelope_id", out _))
                {
                    await _onEnvelope(this, root);
                }

                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode link {Link}: Slack asks to reconnect ({Reason})")]
    private static partial void LogDisconnect(ILogger logger, int link, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode link {Link} dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, int link, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode link {Link}: an unreadable message was skipped")]
    private static partial void LogUnreadable(ILogger logger, int link);
}
