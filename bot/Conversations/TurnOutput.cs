using System.Collections.Immutable;
using FlywheelBot.Views;

namespace FlywheelBot.Conversations;

/// <summary>
/// What a turn answers: views to send as new messages, and, for <see cref="TurnKind.CardAction"/>,
/// an optional view that replaces the card the action came from.
/// </summary>
public sealed record TurnOutput(ImmutableArray<ViewModel> Replies, ViewModel? ReplaceCard = null)
{
    public static TurnOutput None { get; } = new(ImmutableArray<ViewModel>.Empty);

    public static TurnOutput Of(params ViewModel[] replies) => new(ImmutableArray.Create(replies));
}
