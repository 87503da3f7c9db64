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
    /// <summary>An untracked <c>appsettings.local.json</c> beside the app overrides the committed settings (local runs).</summary>
    public static void AddLocalSettings(IConfigurationBuilder configuration) =>
        configuration.AddJsonFile("appsettings.local.json", optional: true, reloadOnChange: false);

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        AddLocalSettings(builder.Configuration);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddFlywheel();
        builder.Services.AddStorage();
        builder.Services.AddHostingOptions();
        builder.Services.AddServedFiles();
        builder.Services.AddAdvisor();
        builder.Services.AddConversations();
        builder.Services.AddBotFrameworkChannel(builder.Configuration, builder.Environment);
        builder.Services.AddCheckIns();
        builder.Services.AddCampaigns();
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

    /// <summary>
    /// Opens and migrates storage before the host starts, so a database that cannot be opened at all (a corrupted file,
    /// a bad setting) stops the process with Program's one message instead of the host's "Hosting failed to start" error
    /// log and stack trace first. A database that is only not reachable yet is left to the storage start-up service,
    /// which retries in the background. (Hosts built by tests run that service as part of their start.)
    /// </summary>
    public static async Task PrepareStorageAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<Storage.IDocumentStore>() is not Storage.IStorageSchema schema)
        {
            return;
        }

        try
        {
            await schema.MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (Storage.StorageFailures.IsTransient(exception))
        {
            // Not reachable yet: StorageStartup retries with backoff while readiness answers 503.
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var provider = app.Services.GetRequiredService<IOptions<Storage.StorageOptions>>().Value.Provider;
            throw new Storage.StorageUnavailableException(
                $"Storage ({provider}) could not be opened or migrated with the configured Storage:ConnectionString: {exception.Message}", exception);
        }
    }
}
