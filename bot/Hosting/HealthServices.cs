using System.Text.Json;
using FlywheelBot.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlywheelBot.Hosting;

/// <summary>
/// Health endpoints for App Service and load balancers, anonymous and without secrets in the body:
/// <c>GET /healthz</c> (live: the process serves requests) and <c>GET /healthz/ready</c> (storage reachable and
/// migrated: 200, otherwise 503 with a short reason).
/// </summary>
internal static class HealthServices
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/healthz/ready";

    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(10));
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteAsync,
        }).AllowAnonymous();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary><c>{"status":"ok"}</c>, or <c>{"status":"unavailable","reason":"..."}</c> with the failing checks' reasons.</summary>
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        if (report.Status == HealthStatus.Unhealthy)
        {
            json.WriteString("status", "unavailable");
            json.WriteString("reason", string.Join("; ", report.Entries.Values
                .Where(entry => entry.Status == HealthStatus.Unhealthy)
                .Select(entry => entry.Description ?? "unhealthy")));
        }
        else
        {
            json.WriteString("status", "ok");
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
