using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>
/// A Bot Framework activity, inbound or outbound. Reading is tolerant (unknown fields are ignored; shapes that vary by
/// channel stay <see cref="JsonElement"/>); writing omits nulls. Outbound activities never carry <see cref="Id"/>.
/// </summary>
internal sealed record Activity
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Type { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    /// <summary>Kept as text: a malformed timestamp must not make an otherwise valid activity unreadable.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Timestamp { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? ServiceUrl { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Text { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? TextFormat { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Summary { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Locale { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? InputHint { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<JsonElement>? Entities { get; init; }

    public JsonElement? ChannelData { get; init; }

    public JsonElement? Value { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Name { get; init; }

    /// <summary>installationUpdate: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Action { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? ReplyToId { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? DeliveryMode { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    [JsonIgnore]
    public bool ExpectsReplies => string.Equals(DeliveryMode, ActivityTypes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
}
