namespace FlywheelBot.Hosting;

internal static class AdvisorServices
{
    /// <summary>Registers the Advisor feature. Owned by the Advisor feature; see bot/Advisor/.</summary>
    public static IServiceCollection AddAdvisor(this IServiceCollection services)
    {
        return services;
    }
}
