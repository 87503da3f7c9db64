using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlywheelBot.Storage;

/// <summary>Readiness: unhealthy once storage has reported a problem it cannot recover from.</summary>
internal sealed class StorageHealthCheck(StorageHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(health.Problem is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy());
}
