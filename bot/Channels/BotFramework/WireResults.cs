using System.Text.Json.Serialization.Metadata;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>The channel's JSON answers, each written whole with its length (see <see cref="WireJson{T}"/>).</summary>
internal static class WireResults
{
    public static IResult Json<T>(T value, JsonTypeInfo<T> type, int statusCode = StatusCodes.Status200OK) =>
        new WireJson<T>(value, type, statusCode);
}
