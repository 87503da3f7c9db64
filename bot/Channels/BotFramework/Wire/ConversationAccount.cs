using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>The conversation an activity belongs to. Teams adds <see cref="ConversationType"/> and <see cref="TenantId"/>.</summary>
internal sealed record ConversationAccount
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Name { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? ConversationType { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }
}
