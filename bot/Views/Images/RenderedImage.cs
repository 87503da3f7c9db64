namespace FlywheelBot.Views.Images;

/// <summary>
/// A picture as a channel receives it: PNG bytes, its size in pixels and the alt text that says the same in words.
/// Each channel decides how to deliver it (a data URI in an Adaptive Card, a served file for Slack's image blocks).
/// </summary>
public sealed record RenderedImage(byte[] Png, int Width, int Height, string AltText)
{
    public const string ContentType = "image/png";

    /// <summary>The picture as a <c>data:</c> URI (for cards that embed small images).</summary>
    public string DataUri => "data:image/png;base64," + Convert.ToBase64String(Png);
}
