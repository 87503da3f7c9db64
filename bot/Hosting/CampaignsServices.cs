using FlywheelBot.Advisor;
using FlywheelBot.Campaigns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlywheelBot.Hosting;

internal static class CampaignsServices
{
    /// <summary>
    /// Registers the goal and campaign commands (bot/Campaigns/): an <see cref="ITurnInterceptor"/> over the team
    /// profiles and the check-in advice (the playbook). Needs <see cref="ITeamProfileStore"/> and check-ins.
    /// </summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITurnInterceptor, CampaignInterceptor>());
        return services;
    }
}
