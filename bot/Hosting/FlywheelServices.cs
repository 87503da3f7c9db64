using FlywheelBot.Flywheel;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Hosting;

internal static class FlywheelServices
{
    /// <summary>
    /// Registers the Flywheel feature: <see cref="FlywheelOptions"/> (section <c>Flywheel</c>), the <see cref="Playbook"/>
    /// (built-in, or <c>Flywheel:PlaybookPath</c>) and the <see cref="DiagnosisEngine"/>, both singletons. The playbook is
    /// loaded and validated at start-up; a broken one stops the host with a message naming the file, path and problem.
    /// </summary>
    public static IServiceCollection AddFlywheel(this IServiceCollection services)
    {
        services.AddOptions<FlywheelOptions>()
            .BindConfiguration(FlywheelOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FlywheelOptions>, PlaybookOptionsValidator>();
        services.AddSingleton<PlaybookProvider>();
        services.AddSingleton(sp => sp.GetRequiredService<PlaybookProvider>().Load(sp.GetRequiredService<IOptions<FlywheelOptions>>().Value));
        services.AddSingleton(sp => new DiagnosisEngine(sp.GetRequiredService<Playbook>()));
        return services;
    }
}
