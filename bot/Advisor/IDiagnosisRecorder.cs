using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor;

/// <summary>
/// Told about every completed diagnosis (end of an interview, a metric update, a check-in) so history can keep a
/// dated snapshot. <paramref name="source"/> is <c>interview</c>, <c>update</c> or <c>check-in</c>.
/// </summary>
public interface IDiagnosisRecorder
{
    Task RecordAsync(string conversationKey, Diagnosis diagnosis, string source, DateTimeOffset at, CancellationToken cancellationToken);
}
