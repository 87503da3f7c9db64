using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<TextSize>))]
internal enum TextSize
{
    Small,
    Default,
    Medium,
    Large,
}
