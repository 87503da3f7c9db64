using System.Collections.Immutable;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>A group of elements, optionally with a semantic style (the host picks theme-safe colours).</summary>
internal sealed record Container(ImmutableArray<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
}
