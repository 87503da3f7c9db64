using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>
/// A Bot Framework connector and Entra token endpoint on a real loopback server. Records every activity request and
/// answers from a script kept per conversation (then 201 with an id), so tests sharing the connector never take each
/// other's answers; issues client-credential tokens and counts them, optionally after a stall.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedAnswer>> _scripts = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _tokensIssued;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The serviceUrl activities from this connector carry.</summary>
    public string ServiceUrl => BaseUrl + "/";

    public string TokenEndpoint => BaseUrl + "/{tenant}/oauth2/v2.0/token";

    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();

    public ConcurrentQueue<IFormCollection> TokenRequests { get; } = new();

    public ConcurrentQueue<string> TokenTenants { get; } = new();

    /// <summary>When set, the token endpoint waits this long (or until the caller gives up) before answering.</summary>
    public TimeSpan? TokenStall { get; set; }

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        (connector._app, connector.BaseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpContext context) =>
            {
                if (connector.TokenStall is { } stall)
                {
                    try
                    {
                        await Task.Delay(stall, context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return Results.Empty;
                    }
                }

                connector.TokenTenants.Enqueue(tenant);
                connector.TokenRequests.Enqueue(await context.Request.ReadFormAsync());
                var n = Interlocked.Increment(ref connector._tokensIssued);
                return Results.Json(new { access_token = $"token-{n}", expires_in = 3600, token_type = "Bearer" });
            });
            app.MapMethods("/{**path}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete], connector.AnswerAsync);
        });
        return connector;
    }

    /// <summary>What the connector answers to the next requests for one conversation (its id as it appears in the path).</summary>
    public void Script(string conversationIdEncoded, params ScriptedAnswer[] answers)
    {
        var script = _scripts.GetOrAdd(conversationIdEncoded, _ => new ConcurrentQueue<ScriptedAnswer>());
        foreach (var answer in answers)
        {
            script.Enqueue(answer);
        }
    }

    public IReadOnlyList<ConnectorRequest> To(string conversationIdEncoded) =>
        [.. Requests.Where(r => r.RawPath.Contains($"/v3/conversations/{conversationIdEncoded}/", StringComparison.Ordinal))];

    public async Task<IReadOnlyList<ConnectorRequest>> WaitForAsync(string conversationIdEncoded, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (To(conversationIdEncoded).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return To(conversationIdEncoded);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static string Conversation(string rawPath)
    {
        const string marker = "/v3/conversations/";
        var at = rawPath.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return string.Empty;
        }

        var rest = rawPath[(at + marker.Length)..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        return end < 0 ? rest : rest[..end];
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var rawPath = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        Requests.Enqueue(new ConnectorRequest(context.Request.Method, rawPath, context.Request.Headers.Authorization.FirstOrDefault(), body));

        var answer = _scripts.TryGetValue(Conversation(rawPath), out var script) && script.TryDequeue(out var next)
            ? next
            : new ScriptedAnswer(StatusCodes.Status201Created);
        if (answer.Stall is { } stall)
        {
            try
            {
                await Task.Delay(stall, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (answer.Status is >= 200 and < 300)
        {
            await context.Response.WriteAsJsonAsync(new { id = $"activity-{Requests.Count}" });
        }
    }
}
