using System.Text.Json.Nodes;
using FlywheelBot.Channels.BotFramework.Cards;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>Card and text renderers for <see cref="TestView"/>: a one-TextBlock card and the plain text.</summary>
internal sealed class TestRenderers : ICardRenderer, ITextRenderer
{
    JsonObject ICardRenderer.Render(ViewModel view) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = ((TestView)view).Text }),
    };

    string ITextRenderer.Render(ViewModel view) => ((TestView)view).Text;
}
