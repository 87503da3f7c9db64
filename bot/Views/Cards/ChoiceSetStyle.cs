using System.Text.Json.Serialization;

namespace FlywheelBot.Views.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<ChoiceSetStyle>))]
internal enum ChoiceSetStyle
{
    [JsonStringEnumMemberName("compact")]
    Compact,

    [JsonStringEnumMemberName("expanded")]
    Expanded,
}
