namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>The few text styles the cards use, so every card reads the same in light and dark themes.</summary>
internal static class Blocks
{
    public static TextBlock Heading(string text) =>
        new(text) { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder };

    public static TextBlock Label(string text) => new(text) { Weight = TextWeight.Bolder, Spacing = Cards.Spacing.Medium };

    public static TextBlock Body(string text) => new(text);

    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Size = TextSize.Small };

    public static TextBlock Colored(string text, TextColor color) => new(text) { Color = color, Weight = TextWeight.Bolder };

    public static TextBlock Bullet(string text) => new($"- {text}") { Spacing = Cards.Spacing.Small };
}
