using FlywheelBot.Views;

namespace FlywheelBot.Tests.Views;

public sealed class TextContributorTests
{
    private sealed record OtherFeatureView(string Text) : ViewModel;

    private sealed class OtherFeature : ITextContributor
    {
        public bool TryRender(ViewModel view, out string text)
        {
            text = view is OtherFeatureView v ? $"other: {v.Text}" : null!;
            return text is not null;
        }
    }

    [Fact]
    public void Views_of_other_features_are_rendered_as_text_by_their_contributor()
    {
        var text = new PlainTextRenderer([new OtherFeature()]);

        Assert.Equal("other: hi", text.Render(new OtherFeatureView("hi")));
        Assert.StartsWith(ViewTexts.WelcomeTitle, text.Render(SampleViews.Welcome), StringComparison.Ordinal);
    }

    [Fact]
    public void A_view_nobody_knows_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PlainTextRenderer().Render(new OtherFeatureView("x")));

        Assert.Contains(nameof(OtherFeatureView), error.Message, StringComparison.Ordinal);
    }
}
