using FlywheelBot.Settings;
using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Hosting;

internal static class StorageServices
{

    /// <summary>
    /// Registers the Storage feature: the configured <see cref="IDocumentStore"/> (SQLite by default, PostgreSQL for
    /// scale-out), <see cref="IVersionedStore"/>, schema migration at start-up and the periodic purge of expired records.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateAttributes<StorageOptions, StorageOptionsAttributes>()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddSingleton<IDocumentStore>(sp => DocumentStoreFactory.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IVersionedStore, VersionedStore>();

        services.AddSingleton<StorageReadiness>();
        services.AddHostedService<StorageStartup>();
        services.AddHostedService<ExpiredRecordPurger>();
        return services;
    }

    /// <summary>
    /// Storage in this process's memory (the terminal chat): the <see cref="InMemoryDocumentStore"/>, the versioned store
    /// over it, and <see cref="StorageOptions"/> at their defaults (retention of processed ids and conversation states).
    /// </summary>
    public static IServiceCollection AddInProcessStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>();
        services.AddSingleton<IDocumentStore>(sp => new InMemoryDocumentStore(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IVersionedStore, VersionedStore>();
        return services;
    }
}
