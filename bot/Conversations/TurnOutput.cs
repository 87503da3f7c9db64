using System.Collections.Immutable;
using FlywheelBot.Views;

namespace FlywheelBot.Conversations;

/// <summary>
/// What a turn answers: views to send as new messages, and, for <see cref="TurnKind.AnswerInPlace"/>, an optional view
/// that replaces the message whose button was pressed.
/// </summary>
public sealed record TurnOutput(ImmutableArray<ViewModel> Replies, ViewModel? ReplaceMessage = null)
{
    public static TurnOutput None { get; } = new(ImmutableArray<ViewModel>.Empty);

    public static TurnOutput Of(params ViewModel[] replies) => new(ImmutableArray.Create(replies));
}
