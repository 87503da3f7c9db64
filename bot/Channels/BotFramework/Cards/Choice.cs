namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>One option of a <see cref="ChoiceSetInput"/>.</summary>
internal sealed record Choice(string Title, string Value);
