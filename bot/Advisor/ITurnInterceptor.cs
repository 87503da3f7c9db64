using FlywheelBot.Conversations;

namespace FlywheelBot.Advisor;

/// <summary>
/// A feature that may claim a turn before the advisor conversation sees it (check-in commands, history, export).
/// Returns null to let the turn through.
/// </summary>
public interface ITurnInterceptor
{
    Task<TurnOutput?> TryHandleAsync(InboundTurn turn, CancellationToken cancellationToken);
}
