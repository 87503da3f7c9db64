namespace FlywheelBot.Storage;

/// <summary>
/// One stored record: a JSON document under (collection, key) with a version that increases by one on
/// every successful write (optimistic concurrency). <see cref="DueAt"/> is an optional indexed time for
/// schedulers; <see cref="ExpiresAt"/> lets old records be purged.
/// </summary>
public sealed record StoredDocument(
    string Collection,
    string Key,
    string Json,
    long Version,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ExpiresAt);
