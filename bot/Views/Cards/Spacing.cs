using System.Text.Json.Serialization;

namespace FlywheelBot.Views.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<Spacing>))]
internal enum Spacing
{
    None,
    Small,
    Default,
    Medium,
    Large,
}
