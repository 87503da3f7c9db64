using FlywheelBot.Settings;
using FlywheelBot.Channels.Slack.Api;
using FlywheelBot.Channels.Slack.BlockKit;
using FlywheelBot.Channels.Slack.Inbound;
using FlywheelBot.Channels.Slack.SocketMode;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Files;
using FlywheelBot.Views;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack;

/// <summary>The native Slack channel's registration (<see cref="AddSlack"/>) and endpoint (<see cref="MapSlack"/>).</summary>
internal static class SlackServices
{
    /// <summary>
    /// Registers the Slack channel when its settings switch it on (<see cref="SlackSwitch"/>); otherwise only a
    /// start-up log line saying it is off. The single-workspace <see cref="ISlackInstallations"/> is registered with
    /// TryAdd, so the OAuth store replaces it when distribution is configured.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        var state = SlackSwitch.From(configuration);
        services.AddSingleton(state);
        services.AddHostedService<SlackStatusLog>();
        if (!state.Enabled)
        {
            return services;
        }

        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateAttributes<SlackOptions, SlackOptionsAttributes>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddHttpClient<SlackApiClient>(client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<ISlackInstallations, SingleWorkspaceInstallations>();
        services.AddSingleton(sp => new BlockKitRenderer(sp.GetRequiredService<ITextRenderer>(), sp.GetService<IServedFiles>()));
        services.AddSingleton<SlackUserZones>();
        services.AddSingleton<SlackSender>();
        services.AddSingleton<SlackWork>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackWork>());
        services.AddSingleton<SlackTurns>();
        services.AddSingleton<SlackHome>();
        services.AddSingleton<SlackWelcome>();
        services.AddSingleton<SlackForms>();
        services.AddSingleton<SlackDispatcher>();
        services.AddTransient<SlackEventsEndpoint>();
        services.AddSingleton(new ConversationRouteType(SlackRoute.Channel, SlackRoute.Discriminator, SlackJsonContext.Default.SlackRoute));
        services.AddKeyedSingleton<IProactiveMessenger, SlackMessenger>(SlackRoute.Channel);
        if (state.SocketMode)
        {
            services.AddSingleton<SlackSocketMode>();
            services.AddHostedService(sp => sp.GetRequiredService<SlackSocketMode>());
        }

        return services;
    }

    /// <summary>Maps <c>POST /api/slack/events</c> when Slack is on (nothing otherwise).</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetRequiredService<SlackSwitch>().Enabled)
        {
            endpoints.MapPost("/api/slack/events", (HttpContext context, SlackEventsEndpoint slack) => slack.HandleAsync(context));
        }

        return endpoints;
    }
}
