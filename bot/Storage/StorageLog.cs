namespace FlywheelBot.Storage;

/// <summary>Storage log messages. Never user text: only collections, versions and counts.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Storage schema ({Provider}) applied migration {Version}: {Description}")]
    public static partial void MigrationApplied(this ILogger logger, string provider, int version, string description);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Storage schema ({Provider}) is at version {Found}, newer than this build knows ({Known}); continuing, migrations are additive")]
    public static partial void SchemaNewerThanBuild(this ILogger logger, string provider, int found, int known);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Stored '{Collection}' record at version {Version} could not be read ({Reason}); it is treated as absent and will be overwritten")]
    public static partial void UnreadableRecord(this ILogger logger, string collection, long version, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Version conflict on a '{Collection}' record (attempt {Attempt}); re-reading and re-applying")]
    public static partial void VersionConflict(this ILogger logger, string collection, int attempt);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Gave up updating a '{Collection}' record after {Attempts} conflicting attempts")]
    public static partial void GaveUp(this ILogger logger, string collection, int attempts);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Purged {Count} expired storage records")]
    public static partial void Purged(this ILogger logger, int count);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Purging expired storage records failed; will retry next interval")]
    public static partial void PurgeFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "Storage ready: {Provider} at schema version {Version}")]
    public static partial void StorageReady(this ILogger logger, string provider, int version);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Warning, Message = "A SQLite checkpoint failed; the next one will try again")]
    public static partial void CheckpointFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Critical, Message = "{What}. Storage is stopped: nothing more is written, readiness fails and turns answer 503. Restore the file (or remove it to start empty) and restart the bot. Path: {Path}")]
    public static partial void DatabaseFileLost(this ILogger logger, string path, string what);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Debug, Message = "The SQLite file identity check could not run this time; it will look again")]
    public static partial void IdentityCheckFailed(this ILogger logger, Exception exception);
}
