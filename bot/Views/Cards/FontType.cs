using System.Text.Json.Serialization;

namespace FlywheelBot.Views.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<FontType>))]
internal enum FontType
{
    Default,
    Monospace,
}
