using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Hosting;

internal static class StorageServices
{
    /// <summary>Health checks with this tag decide readiness (<c>/healthz/ready</c>).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers the Storage feature: the configured <see cref="IDocumentStore"/> (SQLite by default, PostgreSQL for
    /// scale-out), <see cref="IVersionedStore"/>, schema migration at start-up and the periodic purge of expired records.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddSingleton<StorageHealth>();
        services.AddSingleton<IDocumentStore>(sp => DocumentStoreFactory.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<StorageHealth>()));

        // Readiness (/healthz/ready) fails while storage reports a problem it cannot recover from.
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        services.AddSingleton<IVersionedStore, VersionedStore>();

        services.AddHostedService<StorageStartup>();
        services.AddHostedService<ExpiredRecordPurger>();
        return services;
    }
}
