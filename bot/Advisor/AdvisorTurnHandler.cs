using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Conversations;
using FlywheelBot.Storage;

namespace FlywheelBot.Advisor;

/// <summary>
/// The channel-neutral entry point: lets interceptors claim the turn, then runs the pure
/// <see cref="Conversation.Advisor"/> inside a versioned read-modify-write of the conversation state that also reads
/// the team profile and commits its change (or a check that it is unchanged) with the state, re-applied on a concurrent
/// write of either so no answer is lost, then tells the diagnosis recorders.
/// Conversation state expires after <see cref="ConversationStateRetention"/> without a turn.
/// </summary>
internal sealed partial class AdvisorTurnHandler(
    Conversation.Advisor advisor,
    IVersionedStore store,
    IEnumerable<ITurnInterceptor> interceptors,
    IEnumerable<IDiagnosisRecorder> recorders,
    TimeProvider clock,
    ConversationStateRetention retention,
    ILogger<AdvisorTurnHandler> logger) : ITurnHandler
{
    public const string Collection = "dialogs";

    public async Task<TurnOutput> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        foreach (var interceptor in interceptors)
        {
            if (await interceptor.TryHandleAsync(turn, cancellationToken) is { } claimed)
            {
                return claimed;
            }
        }

        // The profile is read with the conversation state, and checked (or written, when the turn changed it) in the
        // same commit: one read and one conditional write for the turn, no read when this instance holds both as last written.
        var now = clock.GetUtcNow();
        var expiry = retention.Duration;
        TurnResult? result = null;
        await store.UpdateWithAsync(
            Collection,
            turn.ConversationKey,
            AdvisorJsonContext.Default.ConversationState,
            new DocumentKey(VersionedTeamProfileStore.Collection, turn.ConversationKey),
            AdvisorJsonContext.Default.TeamProfile,
            (stored, profile) =>
            {
                if (stored.WasUnreadable)
                {
                    LogUnreadableState(logger, turn.ConversationKey);
                }

                var input = AdvisorInput.From(turn, profile.Value);
                result = advisor.NextTurn(stored.Value ?? ConversationState.Empty, input with { StateWasLost = stored.WasUnreadable }, now);
                return new PairedChange<ConversationState, TeamProfile>(result.State, result.ProfileChange is { } change ? change.Apply : null);
            },
            state => new DocumentOptions(ExpiresAt: state.UpdatedAt + expiry),
            cancellationToken);

        var decided = result ?? throw new InvalidOperationException("The store did not apply the turn.");
        if (decided.Completed is { } diagnosis)
        {
            await RecordAsync(turn.ConversationKey, diagnosis, decided.CompletedSource ?? "interview", now, cancellationToken);
        }

        return decided.Output;
    }

    private async Task RecordAsync(string key, Flywheel.Diagnosis diagnosis, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var recorder in recorders)
        {
            try
            {
                await recorder.RecordAsync(key, diagnosis, source, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // History is a side record: the user still gets the advice.
                LogRecorderFailed(logger, recorder.GetType().Name, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored conversation state for {ConversationKey} was unreadable; starting over")]
    private static partial void LogUnreadableState(ILogger logger, string conversationKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Diagnosis recorder {Recorder} failed")]
    private static partial void LogRecorderFailed(ILogger logger, string recorder, Exception exception);
}
