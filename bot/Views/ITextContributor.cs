namespace FlywheelBot.Views;

/// <summary>
/// Lets another feature (e.g. check-ins) give its views a plain-text form: the plain-text renderer asks every registered
/// contributor about views it does not know. Richer forms (cards, blocks) are drawn by each channel's own renderer.
/// </summary>
public interface ITextContributor
{
    bool TryRender(ViewModel view, out string text);
}
