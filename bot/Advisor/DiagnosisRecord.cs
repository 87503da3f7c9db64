using FlywheelBot.Storage;

namespace FlywheelBot.Advisor;

/// <summary>
/// How a recorder stores a diagnosis inside the commit of the turn that completed it (see
/// <see cref="IDiagnosisRecorder.Plan"/>): <see cref="Writes"/> go into that commit, <see cref="Reads"/> are read in it
/// after the writes, and <see cref="CommittedAsync"/> gets those reads (in order) once the commit succeeded, for whatever
/// else recording takes (usually nothing).
/// </summary>
public sealed record DiagnosisRecord(
    IReadOnlyList<DocumentWrite> Writes,
    IReadOnlyList<DocumentKey> Reads,
    Func<IReadOnlyList<StoredDocument?>, CancellationToken, Task> CommittedAsync);
