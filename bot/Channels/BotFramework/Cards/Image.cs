namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>An image by URL (https or a small <c>data:image/png;base64,...</c> URI); <see cref="AltText"/> is required for accessibility.</summary>
internal sealed record Image(string Url) : CardElement
{
    public string? AltText { get; init; }

    public ImageSize? Size { get; init; }
}
