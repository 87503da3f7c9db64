using System.Collections.Immutable;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>Title/value pairs.</summary>
internal sealed record FactSet(ImmutableArray<Fact> Facts) : CardElement;
