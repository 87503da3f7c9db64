namespace FlywheelBot.Storage;

/// <summary>
/// A store that can tell, without a round trip, that it is broken (for example its SQLite file was deleted or replaced
/// under it). Readiness (<c>/healthz/ready</c>) reads it and answers 503 with the problem.
/// </summary>
internal interface IStorageHealth
{
    /// <summary>The problem in a few words, with no path, host or secret in it; null while the store is fine.</summary>
    string? Problem { get; }
}
