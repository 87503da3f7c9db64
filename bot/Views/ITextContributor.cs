namespace FlywheelBot.Views;

/// <summary>The plain-text twin of <see cref="ICardContributor"/>, asked by the plain-text renderer for views it does not know.</summary>
public interface ITextContributor
{
    bool TryRender(ViewModel view, out string text);
}
