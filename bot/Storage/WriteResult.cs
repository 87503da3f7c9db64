namespace FlywheelBot.Storage;

/// <summary>The outcome of a conditional write.</summary>
public sealed record WriteResult(bool Succeeded, long Version)
{
    /// <summary>The write happened; <see cref="Version"/> is the new version.</summary>
    public static WriteResult Written(long version) => new(true, version);

    /// <summary>Someone else wrote first (or the record exists/does not exist against expectation); re-read and re-apply.</summary>
    public static WriteResult Conflict(long currentVersion) => new(false, currentVersion);
}
