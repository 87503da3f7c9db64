namespace FlywheelBot.Views.Images;

/// <summary>
/// A picture as a channel receives it: PNG bytes, its size in pixels and the alt text that says the same in words.
/// Views carry pictures only this way (never a URI): each channel decides how to deliver them (the Bot Framework
/// channel embeds them in the card, Slack publishes a served file for its image blocks).
/// </summary>
public sealed record RenderedImage(byte[] Png, int Width, int Height, string AltText)
{
    public const string ContentType = "image/png";
}
