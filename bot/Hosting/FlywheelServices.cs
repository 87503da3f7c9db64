namespace FlywheelBot.Hosting;

internal static class FlywheelServices
{
    /// <summary>Registers the Flywheel feature. Owned by the Flywheel feature; see bot/Flywheel/.</summary>
    public static IServiceCollection AddFlywheel(this IServiceCollection services)
    {
        return services;
    }
}
