using FlywheelBot.Views;

namespace FlywheelBot.CheckIns.Views;

/// <summary>Renders the check-in views for the plain-text renderer (terminals, clients without cards).</summary>
internal sealed class CheckInTextContributor : ITextContributor
{
    public bool TryRender(ViewModel view, out string text) => CheckInTextBuilder.TryRender(view, out text);
}
