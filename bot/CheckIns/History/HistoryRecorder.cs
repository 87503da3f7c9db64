using FlywheelBot.Advisor;
using FlywheelBot.Flywheel;
using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.CheckIns.History;

/// <summary>
/// Stores a dated snapshot for every completed diagnosis (interview, metric update, check-in answer). A diagnosis
/// from an interview or update also counts as the answer to a pending check-in, so no reminder follows it.
/// For a turn of the advisor the snapshot rides in the turn's own commit (<see cref="Plan"/>), which also reads the
/// check-in subscription; only a pending check-in it answers costs another write.
/// </summary>
internal sealed class HistoryRecorder(HistoryStore history, CheckInRepository subscriptions, IOptions<CheckInOptions> options)
    : IDiagnosisRecorder
{
    public async Task RecordAsync(string conversationKey, Diagnosis diagnosis, string source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        await history.AddAsync(conversationKey, HistorySnapshot.From(diagnosis, source, at), options.Value.HistoryRetention, cancellationToken);
        await AnsweredAsync(conversationKey, at, cancellationToken);
    }

    public DiagnosisRecord? Plan(string conversationKey, Diagnosis diagnosis, string source, DateTimeOffset at, int attempt)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        var write = HistoryStore.Write(conversationKey, HistorySnapshot.From(diagnosis, source, at), options.Value.HistoryRetention, shift: attempt);
        return new DiagnosisRecord(
            [write],
            [new DocumentKey(CheckInRepository.Collection, conversationKey)],
            (read, cancellationToken) => subscriptions.Parse(read[0]).Value is { Pending: { } pending } && pending.SentAt <= at
                ? AnsweredAsync(conversationKey, at, cancellationToken)
                : Task.CompletedTask);
    }

    private Task AnsweredAsync(string conversationKey, DateTimeOffset at, CancellationToken cancellationToken) =>
        subscriptions.UpdateAsync(
            conversationKey,
            s => s is { Pending: { } pending } && pending.SentAt <= at ? CheckInPlanner.Answered(s) : s,
            cancellationToken);
}
