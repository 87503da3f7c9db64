namespace FlywheelBot.Storage;

/// <summary>
/// The storage health signal (issue 14, item 4): healthy until a provider reports a problem it cannot recover from
/// (e.g. the SQLite database file was deleted or replaced while the bot ran). Readiness reads it
/// (<see cref="StorageHealthCheck"/>), and inbound turns answer 503 while it is set. Never user text.
/// </summary>
internal sealed class StorageHealth
{
    private volatile string? _problem;

    /// <summary>What is wrong, or null while storage is healthy.</summary>
    public string? Problem => _problem;

    public bool IsHealthy => _problem is null;

    /// <summary>Records the first problem; later reports keep the first one.</summary>
    public void Report(string problem) => Interlocked.CompareExchange(ref _problem, problem, null);
}
