using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<TextWeight>))]
internal enum TextWeight
{
    Lighter,
    Default,
    Bolder,
}
