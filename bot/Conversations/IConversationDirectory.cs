namespace FlywheelBot.Conversations;

/// <summary>The stored addresses of conversations the bot has seen, for proactive sends.</summary>
public interface IConversationDirectory
{
    Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken);

    Task<ConversationAddress?> FindAsync(string conversationKey, CancellationToken cancellationToken);
}
