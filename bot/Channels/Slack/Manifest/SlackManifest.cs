using System.Text.Json.Nodes;

namespace FlywheelBot.Channels.Slack.Manifest;

/// <summary>
/// The Slack app manifest (schema 1.0.0 of slackapi/manifest-schema) for FlywheelBot: a bot user, <c>/flywheel</c>, the
/// bot scopes and events the channel uses, interactivity, App Home with its home and messages tabs. Over HTTP every
/// request URL is <c>{url}/api/slack/events</c>; with Socket Mode no URL is needed and none is written.
/// </summary>
internal static class SlackManifest
{
    public const string Name = "FlywheelBot";
    public const string Command = "/flywheel";
    public const string EventsPath = "api/slack/events";

    public static readonly IReadOnlyList<string> BotScopes = ["app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write", "users:read"];

    public static readonly IReadOnlyList<string> BotEvents = ["app_mention", "message.im", "app_home_opened", "app_uninstalled", "tokens_revoked"];

    /// <param name="baseUrl">The bot's public base URL (required unless <paramref name="socketMode"/>).</param>
    /// <param name="socketMode">Receive over Socket Mode: <c>socket_mode_enabled</c>, no request URLs.</param>
    /// <param name="redirectUrls">OAuth redirect URLs (distribution); none for one workspace.</param>
    /// <param name="tokenRotation">Turn on token rotation (<c>token_rotation_enabled</c>).</param>
    public static JsonObject Build(Uri? baseUrl, bool socketMode, IReadOnlyList<Uri>? redirectUrls = null, bool tokenRotation = false)
    {
        if (!socketMode && baseUrl is null)
        {
            throw new ArgumentException("A public URL is required unless the app uses Socket Mode.", nameof(baseUrl));
        }

        var endpoint = socketMode ? null : new Uri(new Uri(baseUrl!.AbsoluteUri.TrimEnd('/') + "/"), EventsPath).AbsoluteUri;
        var command = new JsonObject
        {
            ["command"] = Command,
            ["description"] = "Ask FlywheelBot what to do next, or: help, start, learn, history, status, check in every Monday at 9",
            ["usage_hint"] = "[help | start | learn | history | status | check in every Monday at 9]",
            ["should_escape"] = false,
        };
        if (endpoint is not null)
        {
            command["url"] = endpoint;
        }

        var events = new JsonObject { ["bot_events"] = Array(BotEvents) };
        var interactivity = new JsonObject { ["is_enabled"] = true };
        if (endpoint is not null)
        {
            events["request_url"] = endpoint;
            interactivity["request_url"] = endpoint;
        }

        var oauth = new JsonObject { ["scopes"] = new JsonObject { ["bot"] = Array(BotScopes) } };
        if (redirectUrls is { Count: > 0 })
        {
            oauth["redirect_urls"] = Array(redirectUrls.Select(u => u.AbsoluteUri));
        }

        return new JsonObject
        {
            ["_metadata"] = new JsonObject { ["major_version"] = 1, ["minor_version"] = 1 },
            ["display_information"] = new JsonObject
            {
                ["name"] = Name,
                ["description"] = "Finds the one marketing activity that will move your flywheel most right now.",
                ["background_color"] = "#464EB8",
            },
            ["features"] = new JsonObject
            {
                ["app_home"] = new JsonObject { ["home_tab_enabled"] = true, ["messages_tab_enabled"] = true, ["messages_tab_read_only_enabled"] = false },
                ["bot_user"] = new JsonObject { ["display_name"] = Name, ["always_online"] = true },
                ["slash_commands"] = new JsonArray(command),
            },
            ["oauth_config"] = oauth,
            ["settings"] = new JsonObject
            {
                ["event_subscriptions"] = events,
                ["interactivity"] = interactivity,
                ["org_deploy_enabled"] = false,
                ["socket_mode_enabled"] = socketMode,
                ["token_rotation_enabled"] = tokenRotation,
            },
        };
    }

    private static JsonArray Array(IEnumerable<string> items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());
}
