using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<ChoiceSetStyle>))]
internal enum ChoiceSetStyle
{
    [JsonStringEnumMemberName("compact")]
    Compact,

    [JsonStringEnumMemberName("expanded")]
    Expanded,
}
