using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<ImageSize>))]
internal enum ImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}
