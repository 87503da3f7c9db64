namespace FlywheelBot.Storage;

/// <summary>Where the store is in its start-up.</summary>
internal enum StorageState
{
    /// <summary>Not yet opened, or not reachable yet and being retried.</summary>
    Starting,

    /// <summary>Opened and migrated.</summary>
    Ready,

    /// <summary>Start-up gave up; the process is stopping.</summary>
    Failed,
}
