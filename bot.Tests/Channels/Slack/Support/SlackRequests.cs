using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FlywheelBot.Channels.Slack.Inbound;
using FlywheelBot.Tests.TestSupport;

namespace FlywheelBot.Tests.Channels.Slack.Support;

/// <summary>Signed requests as Slack sends them to <c>/api/slack/events</c>: Events API JSON, slash commands, interactivity payloads.</summary>
internal static class SlackRequests
{
    public const string SigningSecret = "test-signing-secret-0123456789abcdef";
    public const string UserId = "U0ADA";
    public const string DmChannel = "D0ADA";
    public const string Channel = "C0GENERAL";

    private static int _events;

    public static JsonObject Event(JsonObject ev, string? eventId = null, string teamId = FakeSlackApi.TeamId) => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = teamId,
        ["api_app_id"] = "A0FLYWHEEL",
        ["event"] = ev,
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? $"Ev{Interlocked.Increment(ref _events):D8}",
        ["event_time"] = 1764579600,
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null,
            ["team_id"] = teamId,
            ["user_id"] = FakeSlackApi.BotUserId,
            ["is_bot"] = true,
            ["is_enterprise_install"] = false,
        }),
        ["is_ext_shared_channel"] = false,
    };

    public static JsonObject DirectMessage(string text, string ts, string user = UserId, string channel = DmChannel) => new()
    {
        ["type"] = "message",
        ["channel"] = channel,
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["event_ts"] = ts,
        ["channel_type"] = "im",
    };

    public static JsonObject Mention(string text, string ts, string? threadTs = null, string channel = Channel)
    {
        var ev = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = UserId,
            ["text"] = $"<@{FakeSlackApi.BotUserId}> {text}",
            ["ts"] = ts,
            ["channel"] = channel,
            ["event_ts"] = ts,
        };
        if (threadTs is not null)
        {
            ev["thread_ts"] = threadTs;
        }

        return ev;
    }

    public static Dictionary<string, string> Command(string text, string channel = DmChannel, string responseUrl = "https://hooks.slack.com/commands/T0/1/abc") => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = FakeSlackApi.TeamId,
        ["team_domain"] = "flywheel-test",
        ["channel_id"] = channel,
        ["channel_name"] = channel.StartsWith('D') ? "directmessage" : "general",
        ["user_id"] = UserId,
        ["user_name"] = "ada",
        ["command"] = "/flywheel",
        ["text"] = text,
        ["api_app_id"] = "A0FLYWHEEL",
        ["is_enterprise_install"] = "false",
        ["response_url"] = responseUrl,
        ["trigger_id"] = "1234.5678.abcdef",
    };

    /// <summary>A block_actions payload for pressing <paramref name="button"/> (an element of a message the bot posted).</summary>
    public static JsonObject BlockAction(JsonObject button, string blockId, string channel, string messageTs, string? value = null) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = UserId, ["username"] = "ada", ["name"] = "ada", ["team_id"] = FakeSlackApi.TeamId },
        ["api_app_id"] = "A0FLYWHEEL",
        ["token"] = "deprecated-verification-token",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = "1234.5678.trigger",
        ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId, ["domain"] = "flywheel-test" },
        ["enterprise"] = null,
        ["is_enterprise_install"] = false,
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
        ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["text"] = "…" },
        ["state"] = new JsonObject { ["values"] = new JsonObject() },
        ["response_url"] = "https://hooks.slack.com/actions/T0/1/abc",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = (string?)button["type"] ?? "button",
            ["action_id"] = (string?)button["action_id"],
            ["block_id"] = blockId,
            ["value"] = value ?? (string?)button["value"],
            ["action_ts"] = "1764579601.000100",
        }),
    };

    /// <summary>A view_submission of the answer form <paramref name="view"/> (as views.open sent it) with a value per metric id.</summary>
    public static JsonObject ViewSubmission(JsonObject view, Dictionary<string, string?> numbers) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId, ["domain"] = "flywheel-test" },
        ["user"] = new JsonObject { ["id"] = UserId, ["username"] = "ada", ["team_id"] = FakeSlackApi.TeamId },
        ["api_app_id"] = "A0FLYWHEEL",
        ["trigger_id"] = "1234.5678.submit",
        ["view"] = new JsonObject
        {
            ["id"] = "V0FORM",
            ["team_id"] = FakeSlackApi.TeamId,
            ["type"] = "modal",
            ["callback_id"] = (string?)view["callback_id"],
            ["private_metadata"] = (string?)view["private_metadata"],
            ["hash"] = "1.abc",
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject(numbers.Select(n => new KeyValuePair<string, JsonNode?>(
                    $"m:{n.Key}",
                    new JsonObject { ["value"] = new JsonObject { ["type"] = "number_input", ["value"] = n.Value } }))),
            },
        },
    };

    public static HttpRequestMessage Signed(string contentType, string body, DateTimeOffset at, string secret = SigningSecret, int? retryNum = null)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/events") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    public static HttpRequestMessage SignedJson(JsonNode body, DateTimeOffset at, int? retryNum = null) => Signed("application/json", body.ToJsonString(), at, retryNum: retryNum);

    public static HttpRequestMessage SignedForm(IEnumerable<KeyValuePair<string, string>> fields, DateTimeOffset at) =>
        Signed("application/x-www-form-urlencoded", Form(fields), at);

    public static HttpRequestMessage SignedPayload(JsonNode payload, DateTimeOffset at) =>
        SignedForm([new("payload", payload.ToJsonString())], at);

    public static string Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>Sends a signed request (made above) to the bot process's <c>/api/slack/events</c>, body read before it returns.</summary>
    public static async Task<HttpResponseMessage> SendToEventsAsync(this HttpClient http, BotProcess bot, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(request);
        using (request)
        {
            request.RequestUri = new Uri(bot.BaseAddress, "api/slack/events");
            var response = await http.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
    }
}
