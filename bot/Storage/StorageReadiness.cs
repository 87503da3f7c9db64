namespace FlywheelBot.Storage;

/// <summary>
/// The store's start-up state, written by <see cref="StorageStartup"/> and read by readiness and by Program (which
/// prints <see cref="FatalError"/> and exits 1 when start-up gave up).
/// </summary>
internal sealed class StorageReadiness
{
    private volatile Snapshot _current = new(StorageState.Starting, "storage is starting");

    public StorageState State => _current.State;

    /// <summary>Why the store is not ready, in a few words (no connection string, no host).</summary>
    public string? Reason => _current.Reason;

    /// <summary>The message start-up gave up with, naming the setting to fix; null unless <see cref="StorageState.Failed"/>.</summary>
    public string? FatalError { get; private set; }

    public void MarkReady() => _current = new(StorageState.Ready, null);

    public void MarkWaiting(string reason) => _current = new(StorageState.Starting, reason);

    public void MarkFailed(string reason, string fatalError)
    {
        FatalError = fatalError;
        _current = new(StorageState.Failed, reason);
    }

    private sealed record Snapshot(StorageState State, string? Reason);
}
