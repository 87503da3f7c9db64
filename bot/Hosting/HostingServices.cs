using FlywheelBot.Files;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Hosting;

internal static class HostingServices
{
    /// <summary><see cref="HostingOptions"/> (section <c>Hosting</c>: the public URL), validated at start-up. Idempotent.</summary>
    public static IServiceCollection AddHostingOptions(this IServiceCollection services)
    {
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HostingOptions>, HostingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NativeHeapTrim>());
        return services;
    }
}
