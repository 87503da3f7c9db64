using System.Text.Json.Nodes;

namespace FlywheelBot.Views;

/// <summary>Turns a view into an Adaptive Card (schema 1.5) JSON object.</summary>
public interface ICardRenderer
{
    JsonObject Render(ViewModel view);
}
