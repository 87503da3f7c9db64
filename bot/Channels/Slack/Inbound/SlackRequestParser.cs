using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace FlywheelBot.Channels.Slack.Inbound;

/// <summary>
/// Reads the three shapes Slack posts to one request URL, as Bolt's receiver does: Events API JSON, slash commands
/// (form fields with <c>command</c>) and interactivity (form field <c>payload</c> holding JSON). Null means malformed (400).
/// Socket Mode envelopes carry the same bodies as JSON (<see cref="FromSocketPayload"/>).
/// </summary>
internal static class SlackRequestParser
{
    public static SlackInbound? Parse(string? contentType, ReadOnlySpan<byte> body)
    {
        var media = (contentType ?? string.Empty).Split(';')[0].Trim();
        if (media.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return ParseJson(body, commandOrInteraction: false);
        }

        if (!media.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var form = ReadForm(body);
        if (form is null)
        {
            return null;
        }

        if (form.TryGetValue("payload", out var payload))
        {
            return ParseJson(Encoding.UTF8.GetBytes(payload), commandOrInteraction: true);
        }

        if (form.TryGetValue("command", out var command) && command.StartsWith('/'))
        {
            return Command(form);
        }

        return null;
    }

    /// <summary>A Socket Mode envelope's payload, by the envelope type (<c>events_api</c>, <c>slash_commands</c>, <c>interactive</c>).</summary>
    public static SlackInbound? FromSocketPayload(string envelopeType, JsonElement payload)
    {
        switch (envelopeType)
        {
            case "events_api":
                return ParseJson(Encoding.UTF8.GetBytes(payload.GetRawText()), commandOrInteraction: false);
            case "interactive":
                return ParseJson(Encoding.UTF8.GetBytes(payload.GetRawText()), commandOrInteraction: true);
            case "slash_commands":
                if (payload.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var form = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                foreach (var property in payload.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        form[property.Name] = property.Value.GetString()!;
                    }
                }

                return form.ContainsKey("command") ? Command(form.ToImmutable()) : null;
            default:
                return null;
        }
    }

    private static SlackInbound Command(ImmutableDictionary<string, string> form) => new(
        SlackInboundKind.Command,
        form.GetValueOrDefault("team_id"),
        NullIfEmpty(form.GetValueOrDefault("enterprise_id")),
        default,
        form);

    private static SlackInbound? ParseJson(ReadOnlySpan<byte> body, bool commandOrInteraction)
    {
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object || root.Str("type") is not { Length: > 0 } type)
        {
            return null;
        }

        if (commandOrInteraction)
        {
            // Interactivity: team is null for org-wide installs; user.team_id and enterprise then name it.
            var team = root.Str("team", "id") ?? root.Str("user", "team_id") ?? root.Str("view", "team_id");
            var enterprise = root.Str("enterprise", "id") ?? root.Str("user", "enterprise_id");
            return new SlackInbound(SlackInboundKind.Interaction, team, NullIfEmpty(enterprise), root, ImmutableDictionary<string, string>.Empty);
        }

        switch (type)
        {
            case "url_verification":
                return root.Str("challenge") is null ? null : new SlackInbound(SlackInboundKind.UrlVerification, null, null, root, ImmutableDictionary<string, string>.Empty);
            case "event_callback":
                if (root.At("event").ValueKind != JsonValueKind.Object || root.Str("event", "type") is null)
                {
                    return null;
                }

                var first = root.First("authorizations");
                var teamId = first.Str("team_id") ?? root.Str("team_id");
                var enterpriseId = first.Str("enterprise_id") ?? root.Str("enterprise_id");
                return new SlackInbound(SlackInboundKind.Event, teamId, NullIfEmpty(enterpriseId), root, ImmutableDictionary<string, string>.Empty);
            default:
                return new SlackInbound(SlackInboundKind.Other, null, null, root, ImmutableDictionary<string, string>.Empty);
        }
    }

    private static ImmutableDictionary<string, string>? ReadForm(ReadOnlySpan<byte> body)
    {
        try
        {
            var parsed = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            return parsed.ToImmutableDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
