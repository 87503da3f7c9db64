namespace FlywheelBot.Storage;

/// <summary>
/// A typed read: the value (null when absent), the version to write against, and whether a stored record existed
/// but could not be read (corrupt or from an unknown future version) and was treated as absent.
/// </summary>
public sealed record Versioned<T>(T? Value, long Version, bool WasUnreadable)
    where T : class;
