using Microsoft.Extensions.Options;

namespace FlywheelBot.Storage;

/// <summary>Purges expired records (old processed-activity ids, stale dialog states) every <c>Storage:PurgeInterval</c>.</summary>
internal sealed class ExpiredRecordPurger(
    IDocumentStore store,
    IOptions<StorageOptions> options,
    TimeProvider clock,
    ILogger<ExpiredRecordPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        do
        {
            await PurgeOnceAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    internal async Task PurgeOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var purged = await store.PurgeExpiredAsync(clock.GetUtcNow(), cancellationToken);
            if (purged > 0)
            {
                logger.Purged(purged);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.PurgeFailed(exception);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
