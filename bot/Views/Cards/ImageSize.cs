using System.Text.Json.Serialization;

namespace FlywheelBot.Views.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<ImageSize>))]
internal enum ImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}
