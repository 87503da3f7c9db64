namespace FlywheelBot.Storage;

/// <summary>
/// Storage stopped while the bot runs, because of a problem it cannot recover from (the SQLite file was deleted or
/// replaced): every operation fails with this until the bot is restarted (see <see cref="IStorageHealth"/>).
/// </summary>
internal sealed class StorageStoppedException : Exception
{
    public StorageStoppedException(string message)
        : base(message)
    {
    }

    public StorageStoppedException()
    {
    }

    public StorageStoppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
