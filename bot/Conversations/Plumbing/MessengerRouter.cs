using FlywheelBot.Views;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// The <see cref="IProactiveMessenger"/> everything outside the channels uses (check-ins, late replies): picks the
/// channel's own messenger, registered as a keyed service under the channel name the address carries
/// (<see cref="ConversationAddress.Channel"/>). An address of a channel that is switched off here is "retry later": the
/// subscription stays as it is and goes out once the channel is back.
/// </summary>
internal sealed partial class MessengerRouter(IServiceProvider services, ILogger<MessengerRouter> logger) : IProactiveMessenger
{
    public Task<SendOutcome> SendAsync(ConversationAddress address, ViewModel view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var messenger = services.GetKeyedService<IProactiveMessenger>(address.Channel);
        if (messenger is null)
        {
            LogNoMessenger(logger, address.Channel);
            return Task.FromResult(SendOutcome.RetryLater);
        }

        return messenger.SendAsync(address, view, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No messenger for channel {Channel} (switched off?); the message waits")]
    private static partial void LogNoMessenger(ILogger logger, string channel);
}
