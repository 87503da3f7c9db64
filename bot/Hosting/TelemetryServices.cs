using System.Runtime.CompilerServices;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using FlywheelBot.Advisor;
using FlywheelBot.Conversations;
using FlywheelBot.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FlywheelBot.Hosting;

/// <summary>
/// Counters always (cheap with nobody listening); OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, Npgsql,
/// FlywheelBot's meter) exported to Azure Monitor only when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, so
/// a local start pays nothing for it. Nothing the user typed is put in a tag: routes and status codes, SQL text with
/// parameters (never their values), the bot's own counters with fixed tag values.
/// </summary>
internal static class TelemetryServices
{
    /// <summary>The setting (environment variable on App Service) that turns the export on.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Npgsql's activity source and meter name.</summary>
    private const string Npgsql = "Npgsql";

    /// <summary>Call after the features whose turn handler and diagnosis recorder it counts.</summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<BotMetrics>();
        Decorate<ITurnHandler>(services, (provider, inner) => new MeteredTurnHandler(inner, provider.GetRequiredService<BotMetrics>()));
        Decorate<IDiagnosisRecorder>(services, (provider, inner) => new CountingDiagnosisRecorder(inner, provider.GetRequiredService<BotMetrics>()));

        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        AddAzureMonitor(services, connectionString);
        return services;
    }

    /// <summary>
    /// A method of its own, never inlined: the OpenTelemetry and Azure Monitor assemblies load (and JIT) only when the
    /// export is on, not on every start.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddAzureMonitor(IServiceCollection services, string connectionString) =>
        services.AddOpenTelemetry()
            .UseAzureMonitor(monitor => monitor.ConnectionString = connectionString)
            .WithTracing(tracing => tracing.AddSource(Npgsql))
            .WithMetrics(metrics => metrics.AddMeter(BotMetrics.MeterName, Npgsql));

    /// <summary>Wraps every registration of <typeparamref name="T"/> (keeping its lifetime) in <paramref name="wrap"/>.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<IServiceProvider, T, T> wrap)
        where T : class
    {
        for (var i = 0; i < services.Count; i++)
        {
            var original = services[i];
            if (original.ServiceType != typeof(T) || original.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Describe(typeof(T), provider => wrap(provider, (T)Create(provider, original)), original.Lifetime);
        }
    }

    private static object Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
}
