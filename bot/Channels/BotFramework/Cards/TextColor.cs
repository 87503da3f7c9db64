using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>Semantic colours only: the host maps them to theme-safe values in light and dark themes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextColor>))]
internal enum TextColor
{
    Default,
    Accent,
    Good,
    Warning,
    Attention,
}
