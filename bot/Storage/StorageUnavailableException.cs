namespace FlywheelBot.Storage;

/// <summary>
/// The configured store cannot be opened or migrated. The message names the setting to fix (never the connection string
/// itself); the host prints it without a stack trace and exits 1.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }
}
