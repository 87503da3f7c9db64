using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>A user or bot on a channel.</summary>
internal sealed record ChannelAccount
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Name { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? AadObjectId { get; init; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Role { get; init; }
}
