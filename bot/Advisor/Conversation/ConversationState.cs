namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// Everything the conversation remembers between turns, stored per conversation (collection <c>dialogs</c>).
/// <see cref="Interview"/> is kept while touring so "start" picks it up again.
/// </summary>
internal sealed record ConversationState(ConversationMode Mode, InterviewState? Interview, TourProgress Tour, DateTimeOffset UpdatedAt)
{
    public static ConversationState Empty { get; } = new(ConversationMode.Idle, null, TourProgress.None, DateTimeOffset.UnixEpoch);
}
