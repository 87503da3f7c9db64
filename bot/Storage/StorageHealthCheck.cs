using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlywheelBot.Storage;

/// <summary>
/// Readiness of the store: start-up finished, the store reports no problem of its own (<see cref="IStorageHealth"/>),
/// it answers, and the newest migration is applied. Reasons are short and carry no connection detail.
/// </summary>
internal sealed class StorageHealthCheck(IDocumentStore store, StorageReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (readiness.State != StorageState.Ready)
        {
            return HealthCheckResult.Unhealthy(readiness.Reason ?? "storage is starting");
        }

        if (store is IStorageHealth { Problem: { } problem })
        {
            return HealthCheckResult.Unhealthy(problem);
        }

        if (store is not IStorageSchema schema)
        {
            return HealthCheckResult.Healthy();
        }

        IReadOnlyList<int> applied;
        try
        {
            applied = await schema.GetAppliedMigrationsAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("storage is not reachable");
        }

        return applied.Contains(schema.LatestMigration)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("storage migrations are not applied");
    }
}
