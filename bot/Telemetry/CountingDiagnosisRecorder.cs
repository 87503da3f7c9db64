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
}
