using FlywheelBot.Advisor;
using FlywheelBot.Flywheel;
using Microsoft.Extensions.Options;

namespace FlywheelBot.CheckIns.History;

/// <summary>
/// Stores a dated snapshot for every completed diagnosis (interview, metric update, check-in answer). A diagnosis
/// from an interview or update also counts as the answer to a pending check-in, so no reminder follows it.
/// </summary>
internal sealed class HistoryRecorder(HistoryStore history, CheckInRepository subscriptions, IOptions<CheckInOptions> options)
    : IDiagnosisRecorder
{
    public async Task RecordAsync(string conversationKey, Diagnosis diagnosis, string source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        await history.AddAsync(conversationKey, HistorySnapshot.From(diagnosis, source, at), options.Value.HistoryRetention, cancellationToken);
        await subscriptions.UpdateAsync(
            conversationKey,
            s => s is { Pending: { } pending } && pending.SentAt <= at ? CheckInPlanner.Answered(s) : s,
            cancellationToken);
    }
}
