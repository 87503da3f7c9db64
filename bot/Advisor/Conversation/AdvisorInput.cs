using System.Collections.Immutable;
using FlywheelBot.Conversations;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// One turn as the pure conversation sees it: what was said or pressed, where, and the conversation's saved
/// profile (read before the turn). <see cref="StateWasLost"/>: the stored state existed but could not be read.
/// </summary>
internal sealed record AdvisorInput(
    TurnKind Kind,
    ConversationScope Scope,
    string? Text,
    ImmutableDictionary<string, string> Values,
    TeamProfile? Profile,
    bool StateWasLost = false)
{
    public bool IsTeamChat => Scope != ConversationScope.Personal;

    public static AdvisorInput From(InboundTurn turn, TeamProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new(turn.Kind, turn.Scope, turn.Text, turn.Values, profile);
    }
}
