namespace FlywheelBot.Hosting;

internal static class StorageServices
{
    /// <summary>Registers the Storage feature. Owned by the Storage feature; see bot/Storage/.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        return services;
    }
}
