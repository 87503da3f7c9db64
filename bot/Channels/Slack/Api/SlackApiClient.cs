using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack.Api;

/// <summary>
/// The Slack Web API, as the official clients call it: <c>POST {ApiBaseUrl}{method}</c>, form-encoded arguments (objects
/// such as <c>blocks</c> and <c>view</c> as JSON strings), <c>Authorization: Bearer</c>. Slack answers 200 with
/// <c>ok:false</c> and an error code for failures, so the body decides; the one HTTP status that matters is 429, whose
/// <c>Retry-After</c> is honoured here (up to <see cref="SlackOptions.MaxRetryAfter"/>, then "retry later").
/// </summary>
/// <remarks>
/// No generic retry pipeline: Slack's methods are not idempotent (a retried <c>chat.postMessage</c> after a timeout
/// posts twice) and the only retry Slack asks for is the 429 one, with its own delay, which this class does exactly.
/// </remarks>
internal sealed partial class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackApiClient> logger)
{
    private const int MaxAttempts = 3;

    public Task<SlackApiResult> PostMessageAsync(string token, string channel, string text, JsonArray? blocks, string? threadTs, CancellationToken cancellationToken) =>
        CallAsync("chat.postMessage", token, Args(("channel", channel), ("text", text), ("blocks", blocks?.ToJsonString()), ("thread_ts", threadTs)), cancellationToken);

    public Task<SlackApiResult> UpdateAsync(string token, string channel, string ts, string text, JsonArray? blocks, CancellationToken cancellationToken) =>
        CallAsync("chat.update", token, Args(("channel", channel), ("ts", ts), ("text", text), ("blocks", blocks?.ToJsonString() ?? "[]")), cancellationToken);

    public Task<SlackApiResult> PostEphemeralAsync(string token, string channel, string user, string text, JsonArray? blocks, string? threadTs, CancellationToken cancellationToken) =>
        CallAsync("chat.postEphemeral", token, Args(("channel", channel), ("user", user), ("text", text), ("blocks", blocks?.ToJsonString()), ("thread_ts", threadTs)), cancellationToken);

    public Task<SlackApiResult> ViewsOpenAsync(string token, string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.open", token, Args(("trigger_id", triggerId), ("view", view.ToJsonString())), cancellationToken);

    public Task<SlackApiResult> ViewsUpdateAsync(string token, string viewId, JsonObject view, string? hash, CancellationToken cancellationToken) =>
        CallAsync("views.update", token, Args(("view_id", viewId), ("view", view.ToJsonString()), ("hash", hash)), cancellationToken);

    public Task<SlackApiResult> ViewsPublishAsync(string token, string userId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.publish", token, Args(("user_id", userId), ("view", view.ToJsonString())), cancellationToken);

    public Task<SlackApiResult> UsersInfoAsync(string token, string userId, CancellationToken cancellationToken) =>
        CallAsync("users.info", token, Args(("user", userId)), cancellationToken);

    public Task<SlackApiResult> ConversationsOpenAsync(string token, string userId, CancellationToken cancellationToken) =>
        CallAsync("conversations.open", token, Args(("users", userId)), cancellationToken);

    public Task<SlackApiResult> AuthTestAsync(string token, CancellationToken cancellationToken) =>
        CallAsync("auth.test", token, [], cancellationToken);

    /// <summary>Socket Mode: a fresh single-use WebSocket URL, with the app-level token.</summary>
    public Task<SlackApiResult> ConnectionsOpenAsync(string appToken, CancellationToken cancellationToken) =>
        CallAsync("apps.connections.open", appToken, [], cancellationToken);

    /// <summary>Posts to a slash command's or an action's <c>response_url</c> (JSON body, no token).</summary>
    public async Task<bool> RespondAsync(Uri responseUrl, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentNullException.ThrowIfNull(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = new StringContent(message.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException ex)
        {
            LogResponseUrlFailed(logger, ex);
            return false;
        }
    }

    public async Task<SlackApiResult> CallAsync(string method, string token, IReadOnlyList<KeyValuePair<string, string>> arguments, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(token);
        var address = new Uri(options.Value.ApiBase, method);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new FormUrlEncodedContent(arguments) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                LogTransportFailed(logger, method, ex);
                return SlackApiResult.Failed("connection_failed");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogTimedOut(logger, method);
                return SlackApiResult.Failed("timeout");
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RetryAfter(response);
                    if (attempt >= MaxAttempts || wait > options.Value.MaxRetryAfter)
                    {
                        LogThrottled(logger, method, wait);
                        return SlackApiResult.Failed("ratelimited");
                    }

                    await Task.Delay(wait, clock, cancellationToken);
                    continue;
                }

                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                return Read(method, (int)response.StatusCode, body);
            }
        }
    }

    private SlackApiResult Read(string method, int status, byte[] body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            LogUnreadable(logger, method, status);
            return SlackApiResult.Failed($"http_{status.ToString(CultureInfo.InvariantCulture)}");
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            return new SlackApiResult(true, null, root);
        }

        var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
            ? e.GetString()
            : $"http_{status.ToString(CultureInfo.InvariantCulture)}";
        LogFailed(logger, method, error ?? "unknown");
        return new SlackApiResult(false, error, root);
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }
        }

        // Slack always sends seconds; without the header wait one second, as the official client does.
        return TimeSpan.FromSeconds(1);
    }

    private static List<KeyValuePair<string, string>> Args(params (string Key, string? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)).ToList();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string method, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} throttled (Retry-After {Wait}); giving up for now")]
    private static partial void LogThrottled(ILogger logger, string method, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} could not be reached")]
    private static partial void LogTransportFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} timed out")]
    private static partial void LogTimedOut(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered HTTP {Status} without a JSON body")]
    private static partial void LogUnreadable(ILogger logger, string method, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Slack response_url could not be reached")]
    private static partial void LogResponseUrlFailed(ILogger logger, Exception exception);
}
