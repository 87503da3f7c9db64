using FlywheelBot.Advisor;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Telemetry;

/// <summary>Counts every completed diagnosis (advice a team got, by source: interview, update, check-in), then records it as before.</summary>
internal sealed class CountingDiagnosisRecorder(IDiagnosisRecorder inner, BotMetrics metrics) : IDiagnosisRecorder
{
    public Task RecordAsync(string conversationKey, Diagnosis diagnosis, string source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        metrics.AdviceGiven(source);
        return inner.RecordAsync(conversationKey, diagnosis, source, at, cancellationToken);
    }

    /// <summary>The inner recorder's plan, counted once its commit succeeded (a plan may be made again after a conflict).</summary>
    public DiagnosisRecord? Plan(string conversationKey, Diagnosis diagnosis, string source, DateTimeOffset at, int attempt) =>
        inner.Plan(conversationKey, diagnosis, source, at, attempt) is { } plan
            ? plan with
            {
                CommittedAsync = (read, cancellationToken) =>
                {
                    metrics.AdviceGiven(source);
                    return plan.CommittedAsync(read, cancellationToken);
                },
            }
            : null;
}
