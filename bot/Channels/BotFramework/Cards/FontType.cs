using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<FontType>))]
internal enum FontType
{
    Default,
    Monospace,
}
