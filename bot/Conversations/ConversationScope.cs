namespace FlywheelBot.Conversations;

/// <summary>Where a turn happens: a 1:1 chat, a group chat, or a team channel.</summary>
public enum ConversationScope
{
    Personal,
    GroupChat,
    Channel,
}
