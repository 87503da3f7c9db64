namespace FlywheelBot.Advisor.Conversation;

/// <summary>What the conversation is in the middle of.</summary>
internal enum ConversationMode
{
    Idle,
    Interview,
    Tour,
}
