using FlywheelBot.Storage;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// Runs one turn through <see cref="ITurnHandler"/> in a DI scope of its own (a turn may outlive its HTTP request).
/// A handler failure is logged and answered with null, so the channel can apologise instead of failing the request.
/// A turn whose claim was deferred (<see cref="TurnClaim.Deferred"/>) has it stored before its answer is handed out:
/// with the turn's first commit, or alone here when the turn stored nothing (or failed). A redelivery found out on the
/// way throws <see cref="DeferredInsertTakenException"/>: the caller drops the turn, answer and apology alike.
/// </summary>
internal sealed partial class TurnRunner(IServiceScopeFactory scopes, ILogger<TurnRunner> logger)
{
    public async Task<TurnOutput?> RunAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await using var scope = scopes.CreateAsyncScope();
        TurnOutput? output;
        try
        {
            output = await scope.ServiceProvider.GetRequiredService<ITurnHandler>().HandleAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not DeferredInsertTakenException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            LogTurnFailed(logger, turn.Kind, ex);
            output = null;
        }

        await DeferredInsert.SettleCurrentAsync(cancellationToken);
        return output;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Kind} turn failed; the user gets an apology")]
    private static partial void LogTurnFailed(ILogger logger, TurnKind kind, Exception exception);
}
