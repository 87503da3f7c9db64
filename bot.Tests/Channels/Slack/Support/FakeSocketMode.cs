using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlywheelBot.Tests.Channels.Slack.Support;

/// <summary>
/// A fake Slack Socket Mode server on loopback: <c>apps.connections.open</c> on the fake Web API hands out single-use
/// <c>ws://</c> URLs to it; each link gets <c>hello</c>; the test sends envelopes (events_api, slash_commands,
/// interactive) and awaits their acks by <c>envelope_id</c>, asks a link to refresh (<c>disconnect</c>) or drops it.
/// Its faithfulness is proven with the official <c>@slack/socket-mode</c> client (SlackSocketModeFakeTests).
/// </summary>
internal sealed class FakeSocketMode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _baseUrl;
    private readonly ConcurrentDictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _acks = new(StringComparer.Ordinal);
    private readonly List<Link> _links = [];
    private readonly object _gate = new();
    private int _envelopes;

    private FakeSocketMode(WebApplication app, string baseUrl)
    {
        _app = app;
        _baseUrl = baseUrl;
    }

    /// <summary>Every link ever opened, in order, with when it opened and closed (to check "new before old closes").</summary>
    public IReadOnlyList<Link> Links
    {
        get
        {
            lock (_gate)
            {
                return [.. _links];
            }
        }
    }

    public int UrlsIssued => _tickets.Count;

    public static async Task<FakeSocketMode> StartAsync(FakeSlackApi api)
    {
        FakeSocketMode? fake = null;
        var (app, baseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.UseWebSockets();
            app.Map("/link", (HttpContext context) => fake!.AcceptAsync(context));
        });
        fake = new FakeSocketMode(app, baseUrl.Replace("http://", "ws://", StringComparison.Ordinal));
        api.SocketUrl = fake.NewUrl;
        return fake;
    }

    public async Task<Link> WaitForOpenLinksAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var open = Links.Where(l => l.IsOpen).ToList();
            if (Links.Count >= count && open.Count > 0)
            {
                return open[^1];
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Expected {count} links; {Links.Count} opened.");
    }

    /// <summary>Sends an envelope on the newest open link and waits for its ack.</summary>
    public async Task<JsonObject> SendAsync(string type, JsonNode payload, bool acceptsResponsePayload, TimeSpan? timeout = null)
    {
        var link = Links.Last(l => l.IsOpen);
        var id = $"env-{Interlocked.Increment(ref _envelopes)}";
        var ack = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _acks[id] = ack;
        await link.SendAsync(new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = acceptsResponsePayload,
            ["retry_attempt"] = 0,
            ["retry_reason"] = string.Empty,
        });
        return await ack.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
    }

    /// <summary>Asks the newest link to reconnect, as Slack does every few hours (<c>disconnect</c>, <c>refresh_requested</c>).</summary>
    public Task RefreshAsync(string reason = "refresh_requested") =>
        Links.Last(l => l.IsOpen).SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } });

    /// <summary>Drops the newest link without a goodbye (a network failure).</summary>
    public void Drop() => Links.Last(l => l.IsOpen).Abort();

    public async ValueTask DisposeAsync()
    {
        foreach (var link in Links)
        {
            link.Abort();
        }

        await _app.DisposeAsync();
    }

    private string NewUrl()
    {
        var ticket = Guid.NewGuid().ToString("N");
        _tickets[ticket] = false;
        return $"{_baseUrl}/link?ticket={ticket}";
    }

    private async Task AcceptAsync(HttpContext context)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryUpdate(ticket, true, false))
        {
            // Unknown or already used URL: Slack's URLs are single-use.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var link = new Link(socket, DateTime.UtcNow);
        lock (_gate)
        {
            _links.Add(link);
        }

        await link.SendAsync(new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = Links.Count(l => l.IsOpen),
            ["debug_info"] = new JsonObject { ["host"] = "fake", ["approximate_connection_time"] = 18060 },
            ["connection_info"] = new JsonObject { ["app_id"] = "A0FLYWHEEL" },
        });

        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var frame = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                var message = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, frame.Count))!.AsObject();
                link.Received.Enqueue(message);
                if ((string?)message["envelope_id"] is { } id && _acks.TryRemove(id, out var ack))
                {
                    ack.TrySetResult(message);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            link.ClosedAt = DateTime.UtcNow;
        }
    }

    /// <summary>One accepted WebSocket link.</summary>
    internal sealed class Link(WebSocket socket, DateTime openedAt)
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public DateTime OpenedAt { get; } = openedAt;

        public DateTime? ClosedAt { get; set; }

        public bool IsOpen => ClosedAt is null && socket.State == WebSocketState.Open;

        public ConcurrentQueue<JsonObject> Received { get; } = new();

        public async Task SendAsync(JsonObject message)
        {
            await _sending.WaitAsync();
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }
        }

        public void Abort()
        {
            socket.Abort();
            ClosedAt ??= DateTime.UtcNow;
        }
    }
}
