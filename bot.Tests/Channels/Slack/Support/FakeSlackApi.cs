using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlywheelBot.Tests.Channels.Slack.Support;

/// <summary>
/// A fake Slack Web API on loopback (<c>POST {BaseUrl}{method}</c>), answering as Slack does: HTTP 200 with <c>ok</c>, an
/// <c>error</c> code for failures (<c>not_authed</c> without a token, <c>invalid_auth</c> for an unknown one), 429 with
/// <c>Retry-After</c> when told to throttle. Arguments are read from form bodies (what the official clients send) or JSON
/// bodies. Its faithfulness is proven by driving it with the official <c>@slack/web-api</c> WebClient (SlackWebApiFakeTests).
/// </summary>
internal sealed class FakeSlackApi : IAsyncDisposable
{
    public const string TeamId = "T0FLYWHEEL";
    public const string EnterpriseId = "E0FLYWHEEL";
    public const string BotUserId = "U0BOT";
    public const string BotId = "B0BOT";
    public const string BotToken = "xoxb-fake-bot-token";
    public const string AppToken = "xapp-fake-app-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackApiCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _timeZones = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _throttledChannels = new(StringComparer.Ordinal);
    private int _ts;
    private int _views;

    private FakeSlackApi(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl + "/api/";
    }

    /// <summary>The API base with its trailing slash, e.g. <c>http://127.0.0.1:5123/api/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>What <c>apps.connections.open</c> hands out (a Socket Mode fake sets it); null answers an error.</summary>
    public Func<string>? SocketUrl { get; set; }

    public IReadOnlyList<SlackApiCall> Calls => [.. _calls];

    public static async Task<FakeSlackApi> StartAsync()
    {
        FakeSlackApi? fake = null;
        var (app, baseUrl) = await LoopbackServer.StartAsync(app => app.MapPost("/api/{method}", (string method, HttpContext context) => fake!.HandleAsync(method, context)));
        fake = new FakeSlackApi(app, baseUrl);
        return fake;
    }

    public IReadOnlyList<SlackApiCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    /// <summary>The user's profile time zone returned by <c>users.info</c> (default America/Los_Angeles, as in Slack's docs).</summary>
    public void SetTimeZone(string userId, string tz) => _timeZones[userId] = tz;

    /// <summary>The next call to <paramref name="method"/> answers <c>ok:false</c> with <paramref name="error"/>.</summary>
    public void FailNext(string method, string error) =>
        Script(method, context => context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error"] = error }));

    /// <summary>The next call to <paramref name="method"/> answers 429 with <c>Retry-After</c>.</summary>
    public void ThrottleNext(string method, int retryAfterSeconds) => Script(method, context =>
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });
    });

    /// <summary>The next post to <paramref name="channel"/> answers 429 with <c>Retry-After</c> (channels named <c>C0GONE...</c> are never joined: <c>not_in_channel</c>).</summary>
    public void ThrottleChannelOnce(string channel, int retryAfterSeconds) => _throttledChannels[channel] = retryAfterSeconds;

    public async Task<SlackApiCall> WaitForCallAsync(string method, Func<SlackApiCall, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (Calls.FirstOrDefault(c => c.Method == method && (match?.Invoke(c) ?? true)) is { } call)
            {
                return call;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No {method} call arrived. Calls: {string.Join(", ", Calls.Select(c => c.Method))}");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Script(string method, Func<HttpContext, Task> answer) =>
        _scripted.GetOrAdd(method, _ => new ConcurrentQueue<Func<HttpContext, Task>>()).Enqueue(answer);

    private async Task HandleAsync(string method, HttpContext context)
    {
        var args = await ReadArgsAsync(context.Request);
        var auth = context.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : args.GetValueOrDefault("token");
        _calls.Enqueue(new SlackApiCall(method, token, args, context.Request.ContentType ?? string.Empty));

        if (method == "chat.postMessage" && args.TryGetValue("channel", out var channel) && _throttledChannels.TryRemove(channel, out var seconds))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });
            return;
        }

        if (_scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            await scripted(context);
            return;
        }

        await context.Response.WriteAsJsonAsync(Answer(method, token, args));
    }

    private JsonObject Answer(string method, string? token, ImmutableDictionary<string, string> args)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Error("not_authed");
        }

        var appMethod = method == "apps.connections.open";
        if ((appMethod && token != AppToken) || (!appMethod && token != BotToken))
        {
            return Error(appMethod && token == BotToken ? "not_allowed_token_type" : "invalid_auth");
        }

        return method switch
        {
            "auth.test" => Ok(new() { ["url"] = "https://flywheel-test.slack.com/", ["team"] = "Flywheel Test", ["user"] = "flywheelbot", ["team_id"] = TeamId, ["user_id"] = BotUserId, ["bot_id"] = BotId, ["is_enterprise_install"] = false }),
            "chat.postMessage" or "chat.update" or "chat.postEphemeral" when args.GetValueOrDefault("channel", string.Empty).StartsWith("C0GONE", StringComparison.Ordinal) => Error("not_in_channel"),
            "chat.postMessage" => Required(args, "channel") ?? (!args.ContainsKey("text") && !args.ContainsKey("blocks") ? Error("no_text") : Ok(new()
            {
                ["channel"] = args["channel"],
                ["ts"] = NextTs(),
                ["message"] = new JsonObject { ["type"] = "message", ["text"] = args.GetValueOrDefault("text", string.Empty), ["user"] = BotUserId, ["bot_id"] = BotId },
            })),
            "chat.update" => Required(args, "channel", "ts") ?? Ok(new() { ["channel"] = args["channel"], ["ts"] = args["ts"], ["text"] = args.GetValueOrDefault("text", string.Empty) }),
            "chat.postEphemeral" => Required(args, "channel", "user") ?? Ok(new() { ["message_ts"] = NextTs() }),
            "views.open" => Required(args, "trigger_id", "view") ?? Ok(new() { ["view"] = View(args["view"]) }),
            "views.update" => (args.ContainsKey("view_id") || args.ContainsKey("external_id") ? Required(args, "view") : Error("invalid_arguments")) ?? Ok(new() { ["view"] = View(args["view"], args.GetValueOrDefault("view_id")) }),
            "views.publish" => Required(args, "user_id", "view") ?? Ok(new() { ["view"] = View(args["view"]) }),
            "users.info" => Required(args, "user") ?? Ok(new()
            {
                ["user"] = new JsonObject
                {
                    ["id"] = args["user"],
                    ["team_id"] = TeamId,
                    ["name"] = "ada",
                    ["tz"] = _timeZones.GetValueOrDefault(args["user"], "America/Los_Angeles"),
                    ["tz_label"] = "Pacific Standard Time",
                    ["tz_offset"] = -28800,
                },
            }),
            "conversations.open" => Required(args, "users") ?? Ok(new() { ["channel"] = new JsonObject { ["id"] = "D" + args["users"].TrimStart('U') } }),
            "apps.connections.open" => SocketUrl is { } url ? Ok(new() { ["url"] = url() }) : Error("internal_error"),
            _ => Error("unknown_method"),
        };
    }

    private JsonObject View(string json, string? id = null)
    {
        var view = JsonNode.Parse(json)!.AsObject();
        view["id"] = id ?? $"V{Interlocked.Increment(ref _views):D6}";
        view["hash"] = $"{Interlocked.Increment(ref _views)}.abc";
        view["team_id"] = TeamId;
        return view;
    }

    private string NextTs() => $"1764579600.{Interlocked.Increment(ref _ts):D6}";

    private static JsonObject? Required(ImmutableDictionary<string, string> args, params string[] names) =>
        names.All(args.ContainsKey) ? null : Error("invalid_arguments");

    private static JsonObject Ok(JsonObject body)
    {
        body["ok"] = true;
        return body;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private static async Task<ImmutableDictionary<string, string>> ReadArgsAsync(HttpRequest request)
    {
        var args = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
            {
                args[key] = value.ToString();
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                args[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return args.ToImmutable();
    }
}
