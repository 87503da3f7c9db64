using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Conversations;
using FlywheelBot.Storage;

namespace FlywheelBot.Advisor;

/// <summary>
/// The channel-neutral entry point: lets interceptors claim the turn, then runs the pure
/// <see cref="Conversation.Advisor"/> inside a versioned read-modify-write of the conversation state that also reads
/// the team profile and commits its change (or a check that it is unchanged) with the state, re-applied on a concurrent
/// write of either so no answer is lost; the diagnosis recorders' records ride in that commit (see
/// <see cref="IDiagnosisRecorder.Plan"/>), or they are told after it.
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

    private readonly IDiagnosisRecorder[] _recorders = [.. recorders];

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
        // same commit: one read and one conditional write for the turn, no read when this instance holds both as last
        // written (or read them with the turn's claim). A turn that completes a diagnosis also stores what the recorders
        // planned for it in that commit (the history snapshot), and reads what they need after it.
        var now = clock.GetUtcNow();
        TurnResult? result = null;
        Planned[] planned = [];
        IReadOnlyList<StoredDocument?> read = [];
        var attempt = 0;
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
                planned = result.Completed is { } completed ? Plan(turn.ConversationKey, completed, result.CompletedSource ?? "interview", now, attempt) : [];
                attempt++;
                return new PairedChange<ConversationState, TeamProfile>(
                    result.State,
                    result.ProfileChange is { } change ? change.Apply : null,
                    Also: planned.Length == 0 ? null : [.. planned.SelectMany(p => p.Record?.Writes ?? [])],
                    AlsoRead: planned.Length == 0 ? null : [.. planned.SelectMany(p => p.Record?.Reads ?? [])],
                    Committed: found => read = found);
            },
            state => new DocumentOptions(ExpiresAt: retention.ExpiryOf(state.UpdatedAt)),
            cancellationToken);

        var decided = result ?? throw new InvalidOperationException("The store did not apply the turn.");
        if (decided.Completed is { } diagnosis)
        {
            await RecordAsync(turn.ConversationKey, diagnosis, decided.CompletedSource ?? "interview", now, planned, read, cancellationToken);
        }

        return decided.Output;
    }

    /// <summary>Each recorder's plan for the turn's commit (null for one that records after it, or whose plan failed).</summary>
    private Planned[] Plan(string key, Flywheel.Diagnosis diagnosis, string source, DateTimeOffset now, int attempt)
    {
        var plans = new Planned[_recorders.Length];
        for (var i = 0; i < _recorders.Length; i++)
        {
            try
            {
                plans[i] = new Planned(_recorders[i].Plan(key, diagnosis, source, now, attempt));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // History is a side record: a recorder that cannot plan is told after the turn, like one without a plan.
                LogRecorderFailed(logger, _recorders[i].GetType().Name, ex);
                plans[i] = new Planned(null);
            }
        }

        return plans;
    }

    private async Task RecordAsync(
        string key, Flywheel.Diagnosis diagnosis, string source, DateTimeOffset now, Planned[] planned, IReadOnlyList<StoredDocument?> read, CancellationToken cancellationToken)
    {
        var offset = 0;
        for (var i = 0; i < _recorders.Length; i++)
        {
            var plan = i < planned.Length ? planned[i].Record : null;
            try
            {
                if (plan is null)
                {
                    await _recorders[i].RecordAsync(key, diagnosis, source, now, cancellationToken);
                }
                else
                {
                    var mine = read.Skip(offset).Take(plan.Reads.Count).ToArray();
                    offset += plan.Reads.Count;
                    await plan.CommittedAsync(mine, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // History is a side record: the user still gets the advice.
                LogRecorderFailed(logger, _recorders[i].GetType().Name, ex);
            }
        }
    }

    private readonly record struct Planned(DiagnosisRecord? Record);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored conversation state for {ConversationKey} was unreadable; starting over")]
    private static partial void LogUnreadableState(ILogger logger, string conversationKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Diagnosis recorder {Recorder} failed")]
    private static partial void LogRecorderFailed(ILogger logger, string recorder, Exception exception);
}
