namespace FlywheelBot.Storage;

/// <summary>
/// An update kept losing to concurrent writers and gave up after a bounded number of attempts. Nothing was written
/// by the losing update; a caller turns this into a polite "please try again".
/// </summary>
public sealed class StoreConflictException : Exception
{
    public StoreConflictException()
    {
    }

    public StoreConflictException(string message)
        : base(message)
    {
    }

    public StoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreConflictException(string collection, int attempts)
        : base($"Gave up updating a '{collection}' record after {attempts} conflicting attempts.")
    {
        Collection = collection;
        Attempts = attempts;
    }

    public string? Collection { get; }

    public int Attempts { get; }
}
