using System.Text.Json.Serialization;

namespace FlywheelBot.Views.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<TextWeight>))]
internal enum TextWeight
{
    Lighter,
    Default,
    Bolder,
}
