using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>
/// A Bot Framework activity, inbound or outbound. Reading is tolerant (unknown fields are ignored; shapes that vary by
/// channel stay <see cref="JsonElement"/>); writing omits nulls. Outbound activities never carry <see cref="Id"/>.
/// </summary>
internal sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    /// <summary>Kept as text: a malformed timestamp must not make an otherwise valid activity unreadable.</summary>
    public string? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Summary { get; init; }

    public string? Locale { get; init; }

    public string? InputHint { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<JsonElement>? Entities { get; init; }

    public JsonElement? ChannelData { get; init; }

    public JsonElement? Value { get; init; }

    public string? Name { get; init; }

    /// <summary>installationUpdate: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    public string? ReplyToId { get; init; }

    public string? DeliveryMode { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    [JsonIgnore]
    public bool ExpectsReplies => string.Equals(DeliveryMode, ActivityTypes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
}
