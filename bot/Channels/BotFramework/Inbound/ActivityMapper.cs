using System.Collections.Immutable;
using System.Text.Json;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Inbound;

/// <summary>Maps an inbound activity to the channel-neutral <see cref="InboundTurn"/> and <see cref="ConversationAddress"/>.</summary>
internal static class ActivityMapper
{
    public static string ConversationKey(Activity activity) => $"{activity.ChannelId}:{activity.Conversation?.Id}";

    public static InboundTurn ToTurn(Activity activity, TurnKind kind)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var values = kind switch
        {
            TurnKind.AnswerInPlace => ValueFlattener.FromExecute(activity.Value),
            TurnKind.Message => ValueFlattener.FromSubmit(activity.Value),
            _ => ImmutableDictionary<string, string>.Empty,
        };
        if (kind == TurnKind.AnswerInPlace && !values.ContainsKey(ViewData.Command) && values.TryGetValue(ValueFlattener.VerbKey, out var verb))
        {
            // The neutral turn carries a button's command in one place; an Action.Execute may name it only as its verb.
            values = values.SetItem(ViewData.Command, verb);
        }

        var text = kind == TurnKind.Message ? MentionStripper.Strip(activity.Text, activity.Entities, activity.Recipient?.Id) : null;
        return new InboundTurn(
            ConversationKey(activity),
            Scope(activity.Conversation),
            kind,
            activity.From?.Id ?? string.Empty,
            activity.From?.Name,
            string.IsNullOrEmpty(text) ? null : text,
            values,
            TimeZone(activity.Entities));
    }

    public static ConversationAddress ToAddress(Activity activity, string fallbackBotId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var route = new BotFrameworkRoute(
            activity.ChannelId!,
            activity.ServiceUrl!,
            activity.Conversation!.Id!,
            activity.Recipient?.Id ?? fallbackBotId,
            activity.Recipient?.Name,
            activity.Conversation.TenantId ?? TeamsTenant(activity.ChannelData));
        return new ConversationAddress(BotFrameworkRoute.Channel, ConversationKey(activity), Scope(activity.Conversation), TimeZone(activity.Entities), route);
    }

    /// <summary>Where the late replies of a slow turn go: into the conversation and thread of <paramref name="activity"/>.</summary>
    public static ConversationAddress ToReplyAddress(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationAddress(BotFrameworkRoute.Channel, ConversationKey(activity), Scope(activity.Conversation), TimeZone(activity.Entities), new BotFrameworkReplyRoute(activity));
    }

    /// <summary>The de-duplication id of an activity: activity ids are unique within their conversation.</summary>
    public static string? EventId(Activity activity) =>
        string.IsNullOrEmpty(activity?.Id) ? null : $"{activity.Conversation?.Id}:{activity.Id}";

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>; a missing type is personal unless the conversation says it is a group.</summary>
    public static ConversationScope Scope(ConversationAccount? conversation) => conversation?.ConversationType?.ToUpperInvariant() switch
    {
        "CHANNEL" => ConversationScope.Channel,
        "GROUPCHAT" => ConversationScope.GroupChat,
        "PERSONAL" => ConversationScope.Personal,
        _ => conversation?.IsGroup == true ? ConversationScope.GroupChat : ConversationScope.Personal,
    };

    /// <summary>The IANA time zone of a Teams <c>clientInfo</c> entity, if any.</summary>
    public static string? TimeZone(IReadOnlyList<JsonElement>? entities) =>
        entities?
            .Where(e => e.ValueKind == JsonValueKind.Object
                && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                && string.Equals(t.GetString(), "clientInfo", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.TryGetProperty("timezone", out var tz) && tz.ValueKind == JsonValueKind.String ? tz.GetString() : null)
            .FirstOrDefault(tz => !string.IsNullOrWhiteSpace(tz) && tz.Length <= 64);

    private static string? TeamsTenant(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
