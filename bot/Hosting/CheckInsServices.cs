namespace FlywheelBot.Hosting;

internal static class CheckInsServices
{
    /// <summary>Registers the CheckIns feature. Owned by the CheckIns feature; see bot/CheckIns/.</summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        return services;
    }
}
