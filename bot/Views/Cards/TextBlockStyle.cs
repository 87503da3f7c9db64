using System.Text.Json.Serialization;

namespace FlywheelBot.Views.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<TextBlockStyle>))]
internal enum TextBlockStyle
{
    [JsonStringEnumMemberName("default")]
    Default,

    [JsonStringEnumMemberName("heading")]
    Heading,
}
