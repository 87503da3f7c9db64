using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor;

/// <summary>
/// Told about every completed diagnosis (end of an interview, a metric update, a check-in) so history can keep a
/// dated snapshot. <paramref name="source"/> is <c>interview</c>, <c>update</c> or <c>check-in</c>.
/// </summary>
public interface IDiagnosisRecorder
{
    Task RecordAsync(string conversationKey, Diagnosis diagnosis, string source, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// For a diagnosis completed by a turn of the advisor: what to store in that turn's own commit instead of
    /// <see cref="RecordAsync"/> after it (no round trip of its own), or null to be told by <see cref="RecordAsync"/>.
    /// Pure: the commit may conflict and the turn be applied again, with <paramref name="attempt"/> one higher (so a
    /// write that conflicted by itself, such as a history key taken in the same instant, can move).
    /// </summary>
    DiagnosisRecord? Plan(string conversationKey, Diagnosis diagnosis, string source, DateTimeOffset at, int attempt) => null;
}
