namespace FlywheelBot.Hosting;

/// <summary>
/// The settings the web host would read (appsettings.json, appsettings.{environment}.json, the local file, user
/// secrets in Development, environment variables), for a command whose output must agree with the bot that will run,
/// such as the Slack manifest's OAuth part.
/// </summary>
internal static class CommandConfiguration
{
    public static IConfiguration Load()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        BotHost.AddLocalSettings(builder.Configuration);
        return builder.Configuration;
    }
}
