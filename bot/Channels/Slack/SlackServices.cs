using FlywheelBot.Channels.Slack.Api;
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

        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddHttpClient<SlackApiClient>(client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<ISlackInstallations, SingleWorkspaceInstallations>();
        return services;
    }

    /// <summary>Maps <c>POST /api/slack/events</c> when Slack is on (nothing otherwise).</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
