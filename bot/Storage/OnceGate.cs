namespace FlywheelBot.Storage;

/// <summary>
/// Runs an asynchronous step once per object (schema migration on first use or at start-up): callers that arrive
/// while it runs wait for it; a failed run is not remembered, so the next caller tries again.
/// </summary>
internal sealed class OnceGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public bool IsDone => _done;

    public Task RunAsync(Func<CancellationToken, Task> step, CancellationToken cancellationToken) =>
        _done ? Task.CompletedTask : RunSlowAsync(step, cancellationToken);

    public void Dispose() => _gate.Dispose();

    private async Task RunSlowAsync(Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_done)
            {
                await step(cancellationToken);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
