using FlywheelBot.Views;

namespace FlywheelBot.Conversations;

/// <summary>Sends a view to a stored conversation outside of a turn (check-ins, long-running turns).</summary>
public interface IProactiveMessenger
{
    Task<SendOutcome> SendAsync(ConversationAddress address, ViewModel view, CancellationToken cancellationToken);
}
