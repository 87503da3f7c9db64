using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<Spacing>))]
internal enum Spacing
{
    None,
    Small,
    Default,
    Medium,
    Large,
}
