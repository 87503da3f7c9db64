namespace FlywheelBot.Storage;

/// <summary>
/// A conditional write. <see cref="ExpectedVersion"/>: 0 means "only if absent" (insert); n &gt; 0 means
/// "only if the stored version is still n"; null means unconditional (last write wins, use sparingly).
/// </summary>
public sealed record DocumentWrite(
    string Collection,
    string Key,
    string Json,
    long? ExpectedVersion,
    DateTimeOffset? DueAt = null,
    DateTimeOffset? ExpiresAt = null);
