using System.Text.Json.Nodes;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>Turns a view into an Adaptive Card (schema 1.5) JSON object.</summary>
public interface ICardRenderer
{
    JsonObject Render(ViewModel view);

    /// <summary>
    /// The card as UTF-8 JSON, ready to go on the wire, with <paramref name="fallbackText"/> (the view's plain text) as
    /// its <c>fallbackText</c> unless it has its own. The typed renderer writes it straight from its card model, with no
    /// JSON object in between; this default goes through <see cref="Render"/>.
    /// </summary>
    byte[] RenderUtf8(ViewModel view, string fallbackText) => CardFallback.ToUtf8(CardFallback.Ensure(Render(view), fallbackText));
}
