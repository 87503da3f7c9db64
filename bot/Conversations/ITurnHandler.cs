namespace FlywheelBot.Conversations;

/// <summary>
/// The one channel-neutral seam every channel calls: loads the conversation's state, decides, stores, answers.
/// Channels never see advisor state; the advisor never sees a channel.
/// </summary>
public interface ITurnHandler
{
    Task<TurnOutput> HandleAsync(InboundTurn turn, CancellationToken cancellationToken);
}
