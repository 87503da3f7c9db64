using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Conversations;
using FlywheelBot.Storage;

namespace FlywheelBot.Advisor;

/// <summary>
/// The channel-neutral entry point: lets interceptors claim the turn, then loads the profile, runs the pure
/// <see cref="Conversation.Advisor"/> inside a versioned read-modify-write of the conversation state (re-applied
/// on a concurrent write, so no answer is lost), saves the profile change and tells the diagnosis recorders.
/// Conversation state expires after <see cref="ConversationStateRetention"/> without a turn.
/// </summary>
internal sealed partial class AdvisorTurnHandler(
    Conversation.Advisor advisor,
    IVersionedStore store,
    ITeamProfileStore profiles,
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

        var profile = await profiles.GetAsync(turn.ConversationKey, cancellationToken);
        var input = AdvisorInput.From(turn, profile);
        var now = clock.GetUtcNow();
        var expiry = retention.Duration;
        TurnResult? result = null;
        await store.UpdateAsync(
            Collection,
            turn.ConversationKey,
            AdvisorJsonContext.Default.ConversationState,
            stored =>
            {
                if (stored.WasUnreadable)
                {
                    LogUnreadableState(logger, turn.ConversationKey);
                }

                result = advisor.NextTurn(stored.Value ?? ConversationState.Empty, input with { StateWasLost = stored.WasUnreadable }, now);
                return result.State;
            },
            state => new DocumentOptions(ExpiresAt: state.UpdatedAt + expiry),
            cancellationToken);

        var decided = result ?? throw new InvalidOperationException("The store did not apply the turn.");
        if (decided.ProfileChange is { } change)
        {
            await profiles.UpdateAsync(turn.ConversationKey, change.Apply, cancellationToken);
        }

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
