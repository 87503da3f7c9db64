namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>One title/value pair of a <see cref="FactSet"/>.</summary>
internal sealed record Fact(string Title, string Value);
