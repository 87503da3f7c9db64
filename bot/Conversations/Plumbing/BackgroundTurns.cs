using System.Collections.Concurrent;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// Turns that outlived their HTTP request (acknowledged early, replied proactively). They run with
/// <see cref="Stopping"/> (the application's stopping token), and shutdown waits for them within the host's shutdown timeout.
/// </summary>
internal sealed class BackgroundTurns(IHostApplicationLifetime lifetime) : IHostedService
{
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    public CancellationToken Stopping => lifetime.ApplicationStopping;

    public int Count => _running.Count;

    /// <summary>Tracks <paramref name="work"/>, which must not throw.</summary>
    public void Track(Task work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _running.TryAdd(work, true);
        _ = work.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout passed; the remaining turns were cancelled through Stopping.
        }
    }
}
