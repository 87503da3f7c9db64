using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<ActionStyle>))]
internal enum ActionStyle
{
    [JsonStringEnumMemberName("default")]
    Default,

    [JsonStringEnumMemberName("positive")]
    Positive,

    [JsonStringEnumMemberName("destructive")]
    Destructive,
}
