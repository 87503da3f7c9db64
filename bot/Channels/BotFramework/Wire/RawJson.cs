using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>
/// One JSON value kept as its UTF-8 text: written into the surrounding document as it is (it was written by the
/// bot's own serializers, so it is valid JSON), read as whatever value stands there.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
internal sealed class RawJson(ReadOnlyMemory<byte> utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Utf8.Span);

    internal sealed class RawJsonConverter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var value = JsonDocument.ParseValue(ref reader);
            return new RawJson(System.Text.Encoding.UTF8.GetBytes(value.RootElement.GetRawText()));
        }

        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(value);
            writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
        }
    }
}
