using System.Collections.Immutable;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>The classic submit: data plus input values arrive as a message.</summary>
internal sealed record SubmitAction(string Title, ImmutableSortedDictionary<string, string> Data) : CardAction(Title, Data);
