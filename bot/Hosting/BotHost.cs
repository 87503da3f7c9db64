using FlywheelBot.Channels.BotFramework;
using FlywheelBot.Channels.Slack;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Files;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Hosting;

/// <summary>
/// Composes the web host. Every feature contributes one <c>AddXxx</c> and, when it has endpoints,
/// one <c>MapXxx</c>; this file only calls them in order.
/// </summary>
internal static class BotHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddJsonFile("appsettings.local.json", optional: true, reloadOnChange: false);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddFlywheel();
        builder.Services.AddStorage();
        builder.Services.AddHostingOptions();
        builder.Services.AddServedFiles();
        builder.Services.AddAdvisor();
        builder.Services.AddConversations();
        builder.Services.AddBotFrameworkChannel(builder.Environment);
        builder.Services.AddCheckIns();
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddSlackOAuth(builder.Configuration);
        builder.Services.AddHealth();
        builder.Services.AddTelemetry(builder.Configuration);

        var app = builder.Build();

        // Validate every ValidateOnStart option now, so a bad setting stops start-up with one clear message
        // (Program prints it) instead of the host's "Hosting failed to start" log with a stack trace.
        app.Services.GetService<IStartupValidator>()?.Validate();
        KeyVaultReferences.ThrowIfUnresolved(app.Configuration);
        app.MapHealth();
        app.MapBotFramework();
        app.MapServedFiles();
        app.MapSlack();
        app.MapSlackOAuth();
        return app;
    }
}
