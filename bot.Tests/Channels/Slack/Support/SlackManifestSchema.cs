using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FlywheelBot.Tests.Channels.Slack.Support;

/// <summary>
/// The facts of Slack's app manifest schema 1.0.0 (slackapi/manifest-schema, <c>schemas/manifest.schema.1.0.0.json</c>,
/// JSON Schema draft-07) that a manifest of this app can touch, written as the tests' own checks: the allowed keys of
/// every object (the schema sets <c>additionalProperties: false</c> throughout), required keys, string lengths, patterns,
/// array sizes and uniqueness. No copy of the schema is kept in the repository.
/// </summary>
internal static partial class SlackManifestSchema
{
    public static IReadOnlyList<string> Problems(JsonObject manifest)
    {
        var p = new List<string>();
        Keys(p, "$", manifest, ["$schema", "_metadata", "app_directory", "display_information", "features", "oauth_config", "settings", "functions", "workflows", "datastores", "outgoing_domains", "types", "external_auth_providers"], ["display_information"]);

        if (manifest["_metadata"] is JsonObject meta)
        {
            Keys(p, "$._metadata", meta, ["schema_version", "min_version", "major_version", "minor_version"], []);
            foreach (var (key, value) in meta)
            {
                Check(p, value is JsonValue v && v.TryGetValue<int>(out _), $"$._metadata.{key} must be an integer");
            }
        }

        if (manifest["display_information"] is JsonObject display)
        {
            Keys(p, "$.display_information", display, ["name", "description", "background_color", "long_description"], ["name"]);
            Text(p, "$.display_information.name", display["name"], 1, 35);
            Text(p, "$.display_information.description", display["description"], 1, 140);
            Text(p, "$.display_information.background_color", display["background_color"], 4, 7, Color());
            Text(p, "$.display_information.long_description", display["long_description"], 175, 4000);
        }

        if (manifest["features"] is JsonObject features)
        {
            Keys(p, "$.features", features, ["app_home", "bot_user", "functions", "shortcuts", "slash_commands", "workflow_steps", "unfurl_domains", "assistant_view"], []);
            if (features["app_home"] is JsonObject home)
            {
                Keys(p, "$.features.app_home", home, ["home_tab_enabled", "messages_tab_enabled", "messages_tab_read_only_enabled"], []);
                foreach (var (key, value) in home)
                {
                    Bool(p, $"$.features.app_home.{key}", value);
                }
            }

            if (features["bot_user"] is JsonObject bot)
            {
                Keys(p, "$.features.bot_user", bot, ["display_name", "always_online"], ["display_name"]);
                Text(p, "$.features.bot_user.display_name", bot["display_name"], 1, 80);
                Bool(p, "$.features.bot_user.always_online", bot["always_online"]);
            }

            if (features["slash_commands"] is JsonArray commands)
            {
                Check(p, commands.Count is >= 1 and <= 50, "$.features.slash_commands must hold 1 to 50 commands");
                foreach (var (command, i) in commands.Select((c, i) => (c as JsonObject, i)))
                {
                    var at = $"$.features.slash_commands[{i}]";
                    if (command is null)
                    {
                        p.Add($"{at} must be an object");
                        continue;
                    }

                    Keys(p, at, command, ["command", "url", "description", "usage_hint", "should_escape"], ["command", "description"]);
                    Text(p, $"{at}.command", command["command"], 2, 32, StartsWithSlash());
                    Text(p, $"{at}.url", command["url"], 0, 3000, HttpUrl());
                    Text(p, $"{at}.description", command["description"], 1, 2000);
                    Text(p, $"{at}.usage_hint", command["usage_hint"], 1, 1000);
                    Bool(p, $"{at}.should_escape", command["should_escape"]);
                }
            }
        }

        if (manifest["oauth_config"] is JsonObject oauth)
        {
            Keys(p, "$.oauth_config", oauth, ["redirect_urls", "scopes", "token_management_enabled", "pkce_enabled"], []);
            if (oauth["redirect_urls"] is JsonArray redirects)
            {
                Strings(p, "$.oauth_config.redirect_urls", redirects, 2500, 1000, unique: true);
            }

            if (oauth["scopes"] is JsonObject scopes)
            {
                Keys(p, "$.oauth_config.scopes", scopes, ["user", "bot", "user_optional", "bot_optional"], []);
                foreach (var (key, value) in scopes)
                {
                    Strings(p, $"$.oauth_config.scopes.{key}", value as JsonArray, 50, 255, unique: false);
                }
            }
        }

        if (manifest["settings"] is JsonObject settings)
        {
            Keys(p, "$.settings", settings, ["allowed_ip_address_ranges", "event_subscriptions", "incoming_webhooks", "interactivity", "org_deploy_enabled", "socket_mode_enabled", "is_hosted", "token_rotation_enabled", "siws_links", "hermes_app_type", "function_runtime", "is_mcp_enabled"], []);
            foreach (var flag in new[] { "org_deploy_enabled", "socket_mode_enabled", "is_hosted", "token_rotation_enabled", "is_mcp_enabled" })
            {
                Bool(p, $"$.settings.{flag}", settings[flag]);
            }

            if (settings["event_subscriptions"] is JsonObject events)
            {
                Keys(p, "$.settings.event_subscriptions", events, ["request_url", "user_events", "bot_events", "metadata_subscriptions"], []);
                Text(p, "$.settings.event_subscriptions.request_url", events["request_url"], 0, 3500, HttpUrl());
                Strings(p, "$.settings.event_subscriptions.bot_events", events["bot_events"] as JsonArray, 50, 100, unique: true);
            }

            if (settings["interactivity"] is JsonObject interactivity)
            {
                Keys(p, "$.settings.interactivity", interactivity, ["is_enabled", "request_url", "message_menu_options_url"], ["is_enabled"]);
                Bool(p, "$.settings.interactivity.is_enabled", interactivity["is_enabled"]);
                Text(p, "$.settings.interactivity.request_url", interactivity["request_url"], 0, 3500, HttpUrl());
            }
        }

        return p;
    }

    private static void Keys(List<string> p, string at, JsonObject o, string[] allowed, string[] required)
    {
        foreach (var (key, _) in o)
        {
            Check(p, allowed.Contains(key, StringComparer.Ordinal), $"{at}.{key} is not allowed (additionalProperties: false)");
        }

        foreach (var key in required)
        {
            Check(p, o.ContainsKey(key), $"{at}.{key} is required");
        }
    }

    private static void Text(List<string> p, string at, JsonNode? node, int min, int max, Regex? pattern = null)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonValue v || !v.TryGetValue<string>(out var s))
        {
            p.Add($"{at} must be a string");
            return;
        }

        Check(p, s.Length >= min && s.Length <= max, $"{at} must be {min} to {max} characters (is {s.Length})");
        Check(p, pattern is null || pattern.IsMatch(s), $"{at} does not match {pattern}");
    }

    private static void Bool(List<string> p, string at, JsonNode? node) =>
        Check(p, node is null || (node is JsonValue v && v.TryGetValue<bool>(out _)), $"{at} must be a boolean");

    private static void Strings(List<string> p, string at, JsonArray? array, int maxLength, int maxItems, bool unique)
    {
        if (array is null)
        {
            p.Add($"{at} must be an array");
            return;
        }

        Check(p, array.Count <= maxItems, $"{at} holds more than {maxItems} items");
        var items = array.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList();
        Check(p, items.All(i => i is not null && i.Length <= maxLength), $"{at} items must be strings of at most {maxLength} characters");
        Check(p, !unique || items.Distinct(StringComparer.Ordinal).Count() == items.Count, $"{at} items must be unique");
    }

    private static void Check(List<string> p, bool ok, string problem)
    {
        if (!ok)
        {
            p.Add(problem);
        }
    }

    [GeneratedRegex("^https?:\\/\\/")]
    private static partial Regex HttpUrl();

    [GeneratedRegex("^\\/")]
    private static partial Regex StartsWithSlash();

    [GeneratedRegex("^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$")]
    private static partial Regex Color();
}
