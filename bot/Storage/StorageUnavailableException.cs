namespace FlywheelBot.Storage;

/// <summary>Storage refuses every operation because of a problem it cannot recover from (see <see cref="StorageHealth"/>).</summary>
internal sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
