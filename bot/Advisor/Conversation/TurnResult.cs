using FlywheelBot.Conversations;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// What a turn decided: the next state, what to show, how the profile changes (if at all), and a completed
/// diagnosis with its source (<c>interview</c> or <c>update</c>) for history.
/// </summary>
internal sealed record TurnResult(
    ConversationState State,
    TurnOutput Output,
    ProfileChange? ProfileChange = null,
    Diagnosis? Completed = null,
    string? CompletedSource = null);
