using FlywheelBot.Conversations;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.Console;

/// <summary>Proactive messages to the chat open in this terminal (a due check-in): printed at once, always delivered.</summary>
internal sealed class ConsoleMessenger(ConsoleOutput output) : IProactiveMessenger
{
    public Task<SendOutcome> SendAsync(ConversationAddress address, ViewModel view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Route is not ConsoleRoute)
        {
            throw new ArgumentException($"Not a terminal route: {address.Route.GetType().Name}.", nameof(address));
        }

        output.WriteUnprompted(view);
        return Task.FromResult(SendOutcome.Sent);
    }
}
