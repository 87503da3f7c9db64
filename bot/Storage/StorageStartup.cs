using Microsoft.Extensions.Options;

namespace FlywheelBot.Storage;

/// <summary>
/// Applies schema migrations before the host starts serving. A store that cannot be opened stops start-up once,
/// with a message naming <c>Storage:ConnectionString</c> (not the connection string itself). A database that is not
/// reachable yet (PostgreSQL still starting, a network blip) is retried in the background with backoff for
/// <c>Storage:StartupRetryTimeout</c> while the host serves and readiness answers 503; then start-up gives up with a
/// clear error and the process stops.
/// </summary>
internal sealed partial class StorageStartup(
    IDocumentStore store,
    IOptions<StorageOptions> options,
    StorageReadiness readiness,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<StorageStartup> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retries = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store is not IStorageSchema schema)
        {
            readiness.MarkReady();
            return;
        }

        try
        {
            await schema.MigrateAsync(cancellationToken);
            readiness.MarkReady();
        }
        catch (Exception exception) when (StorageFailures.IsTransient(exception) && options.Value.StartupRetryTimeout > TimeSpan.Zero)
        {
            readiness.MarkWaiting("storage is not reachable yet; retrying");
            LogNotReachable(logger, options.Value.Provider, exception.GetType().Name, options.Value.StartupRetryTimeout);
            _retries = RetryAsync(schema, exception, _stopping.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new StorageUnavailableException(Describe(exception), exception);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_retries.IsCompleted)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _retries.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RetryAsync(IStorageSchema schema, Exception first, CancellationToken cancellationToken)
    {
        var timeout = options.Value.StartupRetryTimeout;
        var deadline = clock.GetUtcNow() + timeout;
        var delay = FirstDelay;
        var last = first;
        for (var attempt = 2; ; attempt++)
        {
            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            try
            {
                await Task.Delay(delay < left ? delay : left, clock, cancellationToken);
                await schema.MigrateAsync(cancellationToken);
                readiness.MarkReady();
                LogReachable(logger, options.Value.Provider, attempt);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (StorageFailures.IsTransient(exception))
            {
                last = exception;
                readiness.MarkWaiting($"storage is not reachable yet; retrying (attempt {attempt})");
                delay = delay * 2 < LongestDelay ? delay * 2 : LongestDelay;
            }
            catch (Exception exception)
            {
                last = exception;
                GiveUp(Describe(exception));
                return;
            }
        }

        GiveUp($"Storage ({options.Value.Provider}) was not reachable within Storage:StartupRetryTimeout ({timeout}) with the configured " +
            $"Storage:ConnectionString: {last.Message}");
    }

    private void GiveUp(string message)
    {
        readiness.MarkFailed("storage could not be opened", message);
        LogGaveUp(logger, message);
        lifetime.StopApplication();
    }

    private string Describe(Exception exception) =>
        $"Storage ({options.Value.Provider}) could not be opened or migrated with the configured Storage:ConnectionString: {exception.Message}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage ({Provider}) is not reachable yet ({Failure}); retrying with backoff for up to {Timeout}; readiness answers 503 meanwhile")]
    private static partial void LogNotReachable(ILogger logger, StorageProvider provider, string failure, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ({Provider}) is reachable and migrated (attempt {Attempt})")]
    private static partial void LogReachable(ILogger logger, StorageProvider provider, int attempt);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Storage start-up gave up, the bot stops: {Problem}")]
    private static partial void LogGaveUp(ILogger logger, string problem);
}
