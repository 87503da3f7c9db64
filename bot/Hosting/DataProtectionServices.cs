using FlywheelBot.Settings;
using FlywheelBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Hosting;

internal static class DataProtectionServices
{
    /// <summary>The application name every instance shares, so all of them read each other's protected data.</summary>
    public const string ApplicationName = "FlywheelBot";

    /// <summary>
    /// ASP.NET Core Data Protection with its key ring in the document store (<see cref="DocumentXmlRepository"/>):
    /// every instance on the same database shares the keys. The application name is fixed, not the content root
    /// (the default), so instances installed in different folders still agree. With <c>DataProtection:KeyRingKey</c>
    /// set, each key's secret is sealed (<see cref="KeyRingXmlEncryptor"/>) before it is stored.
    /// </summary>
    public static IServiceCollection AddStoreKeyRing(this IServiceCollection services)
    {
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateAttributes<KeyRingOptions, KeyRingOptionsAttributes>().ValidateOnStart();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new DocumentXmlRepository(
                provider.GetRequiredService<IDocumentStore>(),
                provider.GetRequiredService<ILogger<DocumentXmlRepository>>());
            if (provider.GetRequiredService<IOptions<KeyRingOptions>>().Value is { Encrypts: true } keyRing)
            {
                options.XmlEncryptor = new KeyRingXmlEncryptor(keyRing.KeyRingKey!);
            }
        }));
        return services;
    }
}
