namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>A wrapped line of text. Colours are semantic only, so the host theme (light or dark) keeps them readable.</summary>
internal sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public TextBlockStyle? Style { get; init; }

    public FontType? FontType { get; init; }
}
