using FlywheelBot.Settings;
using FlywheelBot.Files;
using FlywheelBot.Channels.Slack;
using FlywheelBot.Channels.Slack.Installations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Hosting;

internal static class SlackOAuthServices
{
    /// <summary>
    /// Registers Slack distribution (bot/Channels/Slack/Installations/) when <c>Slack:ClientId</c> and
    /// <c>Slack:ClientSecret</c> are set: the OAuth install flow, installations per workspace in the document store
    /// with their tokens encrypted by Data Protection (key ring in the store), token rotation, and
    /// <see cref="ISlackInstallations"/> backed by them instead of the single <c>Slack:BotToken</c>.
    /// The options are validated either way (one credential without the other stops start-up).
    /// </summary>
    public static IServiceCollection AddSlackOAuth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHostingOptions();
        services.AddOptions<SlackOAuthOptions>()
            .BindConfiguration(SlackOAuthOptions.Section)
            .Configure<IOptions<HostingOptions>>((slack, hosting) => slack.PublicBaseUri = hosting.Value.PublicBaseUri)
            .ValidateAttributes<SlackOAuthOptions, SlackOAuthOptionsAttributes>()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOAuthOptions>, SlackOAuthOptionsValidator>());

        var slack = configuration.GetSection(SlackOAuthOptions.Section);
        if (string.IsNullOrWhiteSpace(slack[nameof(SlackOAuthOptions.ClientId)]) || string.IsNullOrWhiteSpace(slack[nameof(SlackOAuthOptions.ClientSecret)]))
        {
            return services;
        }

        services.AddStoreKeyRing();
        services.AddHttpClient<SlackOAuthClient>(client => client.Timeout = TimeSpan.FromSeconds(15));
        services.TryAddSingleton<SlackTokenProtector>();
        services.TryAddSingleton<OAuthStateCodec>();
        services.TryAddSingleton<OAuthStateLedger>();
        services.TryAddSingleton<SlackInstallationStore>();
        services.TryAddSingleton<SlackTokenRefresher>();
        services.TryAddSingleton<OAuthSlackInstallations>();
        services.TryAddTransient<SlackInstallFlow>();
        services.Replace(ServiceDescriptor.Singleton<ISlackInstallations>(provider => provider.GetRequiredService<OAuthSlackInstallations>()));
        return services;
    }

    /// <summary>Maps <c>GET /api/slack/install</c> and <c>GET /api/slack/oauth_redirect</c> when OAuth is on.</summary>
    public static IEndpointRouteBuilder MapSlackOAuth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOAuthOptions>>().Value.Enabled)
        {
            return endpoints;
        }

        endpoints.MapGet(SlackInstallFlow.InstallPath, (HttpContext context, SlackInstallFlow flow) => flow.Install(context));
        endpoints.MapGet(SlackInstallFlow.RedirectPath, (HttpContext context, SlackInstallFlow flow) => flow.RedirectAsync(context));
        return endpoints;
    }
}
