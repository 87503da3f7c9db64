namespace FlywheelBot.Storage;

/// <summary>
/// What a successful <see cref="AtomicCommit"/> stored and read: the new version of each of its
/// <see cref="AtomicCommit.Writes"/> (in order) and each of its <see cref="AtomicCommit.Reads"/> (in order, null when
/// absent or expired).
/// </summary>
public sealed record CommitResult(IReadOnlyList<long> Versions, IReadOnlyList<StoredDocument?> Read);
