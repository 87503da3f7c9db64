using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using FlywheelBot.Views;
using FlywheelBot.Views.Cards;

namespace FlywheelBot.CheckIns.Views;

/// <summary>
/// Renders the check-in views for the Adaptive Card renderer with its typed card model: Adaptive Cards 1.5, buttons
/// as Action.Execute with an Action.Submit fallback, and the plain text as the card's fallback text.
/// </summary>
internal sealed class CheckInCardContributor : ICardContributor
{
    public bool TryRender(ViewModel view, [NotNullWhen(true)] out JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (CheckInCards.Body(view) is not { } body || !CheckInTextBuilder.TryRender(view, out var text))
        {
            card = null!;
            return false;
        }

        var actions = CheckInViewActions.For(view).Select(AdaptiveCardRenderer.ToCardAction).ToImmutableArray();
        card = AdaptiveCardRenderer.Serialize(new AdaptiveCard(body, actions) { FallbackText = text });
        return true;
    }
}
