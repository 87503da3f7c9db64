using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>Every card the bot sends carries a <c>fallbackText</c> for clients that cannot show cards.</summary>
internal static class CardFallback
{
    /// <summary>The card as is when it has its own fallback text (the usual case); otherwise a copy with one.</summary>
    public static JsonObject Ensure(JsonObject card, string fallbackText)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.ContainsKey("fallbackText"))
        {
            return card;
        }

        var copy = card.DeepClone().AsObject();
        copy["fallbackText"] = fallbackText;
        return copy;
    }

    public static byte[] ToUtf8(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            card.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
