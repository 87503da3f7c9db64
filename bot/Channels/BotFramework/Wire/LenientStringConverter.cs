using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>
/// Reads a string field of an inbound activity the way a tolerant reader should (issue 14, item 6): a number or a
/// boolean becomes its text (some clients send a numeric <c>id</c> or <c>timestamp</c>), an object or array is ignored
/// (null), and a string with a lone surrogate escape (<c>"\ud800"</c>, which is not text) is repaired with U+FFFD
/// instead of making the whole activity unreadable. Writes plain strings.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return Repair(Raw(ref reader));
                }

            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(Raw(ref reader));
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    private static byte[] Raw(ref Utf8JsonReader reader) => reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();

    /// <summary>Unescapes JSON string content by hand, then replaces every unpaired surrogate with U+FFFD.</summary>
    internal static string Repair(byte[] escaped)
    {
        var raw = Encoding.UTF8.GetString(escaped);
        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\\' || i + 1 >= raw.Length)
            {
                text.Append(c);
                continue;
            }

            var e = raw[++i];
            switch (e)
            {
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'u' when i + 4 < raw.Length
                    && ushort.TryParse(raw.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    text.Append((char)code);
                    i += 4;
                    break;
                default: text.Append(e); break;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }

        return text.ToString();
    }
}
