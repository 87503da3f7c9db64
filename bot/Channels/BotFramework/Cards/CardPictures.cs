using FlywheelBot.Views.Images;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>
/// How a picture (PNG bytes + alt text, from the views) reaches a Teams card: embedded as a <c>data:</c> URI, not as a
/// link to a served file. Measured (<c>CardPictureTests</c>, sample views): the flywheel picture is 18.9 KB of PNG and
/// the trend chart 22.7 KB, so the "Why this?" card is 31.1 KB and the history card 35.0 KB with the picture inside:
/// under the 40 KB the bot holds every card to, even counting the picture, which Teams does not count against its
/// message limit (only the rest, about 6 KB, counts). A served link would expire (a week) while Teams keeps the message for good, leaving a broken picture in
/// the chat history, and would need a public URL every Teams client can reach; the embedded picture needs neither.
/// Slack has no data URIs, so its renderer publishes served files instead.
/// </summary>
internal static class CardPictures
{
    public const string DataUriPrefix = "data:" + RenderedImage.ContentType + ";base64,";

    /// <summary>The picture as a full-width card image with its alt text.</summary>
    public static Image Of(RenderedImage picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        return new Image(DataUri(picture)) { AltText = picture.AltText, Size = ImageSize.Stretch };
    }

    public static string DataUri(RenderedImage picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        return DataUriPrefix + Convert.ToBase64String(picture.Png);
    }
}
