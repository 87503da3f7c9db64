namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>
/// A message attachment; for cards <see cref="ContentType"/> is the Adaptive Card media type. The content is kept as
/// the JSON it is: a card the bot rendered goes on the wire as written, and an inbound attachment is passed on as is.
/// </summary>
internal sealed record Attachment(string ContentType, RawJson? Content);
