using System.Text.Json.Nodes;
using FlywheelBot.Views;
using FlywheelBot.Views.Cards;

namespace FlywheelBot.Tests.Views;

public sealed class ContributorTests
{
    private sealed record OtherFeatureView(string Text) : ViewModel;

    private sealed class OtherFeature : ICardContributor, ITextContributor
    {
        public bool TryRender(ViewModel view, out JsonObject card)
        {
            card = view is OtherFeatureView v ? new JsonObject { ["type"] = "AdaptiveCard", ["text"] = v.Text } : null!;
            return card is not null;
        }

        public bool TryRender(ViewModel view, out string text)
        {
            text = view is OtherFeatureView v ? $"other: {v.Text}" : null!;
            return text is not null;
        }
    }

    [Fact]
    public void Views_of_other_features_are_rendered_by_their_contributor()
    {
        var feature = new OtherFeature();
        var text = new PlainTextRenderer([feature]);
        var cards = new AdaptiveCardRenderer(text, [feature]);

        Assert.Equal("other: hi", text.Render(new OtherFeatureView("hi")));
        Assert.Equal("hi", (string?)cards.Render(new OtherFeatureView("hi"))["text"]);
        Assert.Equal("1.5", (string?)cards.Render(SampleViews.Welcome)["version"]);
    }

    [Fact]
    public void A_view_nobody_knows_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PlainTextRenderer().Render(new OtherFeatureView("x")));

        Assert.Contains(nameof(OtherFeatureView), error.Message, StringComparison.Ordinal);
    }
}
