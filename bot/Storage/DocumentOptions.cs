namespace FlywheelBot.Storage;

/// <summary>Index and lifetime fields written alongside a typed update.</summary>
public sealed record DocumentOptions(DateTimeOffset? DueAt = null, DateTimeOffset? ExpiresAt = null);
