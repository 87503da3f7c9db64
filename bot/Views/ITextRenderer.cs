namespace FlywheelBot.Views;

/// <summary>Turns a view into plain text, for terminals and clients without cards (also the card's fallback text).</summary>
public interface ITextRenderer
{
    string Render(ViewModel view);
}
