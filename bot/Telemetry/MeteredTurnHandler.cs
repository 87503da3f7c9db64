using FlywheelBot.Conversations;

namespace FlywheelBot.Telemetry;

/// <summary>Counts the turns the wrapped handler takes and the ones that fail; the turn itself is untouched.</summary>
internal sealed class MeteredTurnHandler(ITurnHandler inner, BotMetrics metrics) : ITurnHandler
{
    public async Task<TurnOutput> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        metrics.Turn(turn.Kind.ToString(), turn.Scope.ToString());
        try
        {
            return await inner.HandleAsync(turn, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.Failure("turn");
            throw;
        }
    }
}
