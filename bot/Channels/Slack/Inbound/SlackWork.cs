using System.Collections.Concurrent;

namespace FlywheelBot.Channels.Slack.Inbound;

/// <summary>
/// Slack work that outlives its acknowledgement (Slack wants the ack within 3 s; the turn and its replies follow). Runs
/// with the application's stopping token; shutdown waits for running work within the host's shutdown timeout.
/// </summary>
internal sealed partial class SlackWork(IHostApplicationLifetime lifetime, ILogger<SlackWork> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    public int Count => _running.Count;

    /// <summary>Starts <paramref name="work"/> in the background; a failure is logged (the work itself apologises to users).</summary>
    public void Run(string what, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var stopping = lifetime.ApplicationStopping;
        var task = Task.Run(
            async () =>
            {
                try
                {
                    await work(stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    // Shutting down.
                }
                catch (Exception ex)
                {
                    LogFailed(logger, what, ex);
                }
            },
            CancellationToken.None);
        _running.TryAdd(task, true);
        _ = task.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
            // The host's shutdown timeout passed.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack background work '{What}' failed")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);
}
