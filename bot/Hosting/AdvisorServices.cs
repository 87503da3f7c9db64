using FlywheelBot.Settings;
using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Flywheel;
using FlywheelBot.Storage;
using FlywheelBot.Views;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Hosting;

internal static class AdvisorServices
{
    /// <summary>
    /// Registers the Advisor feature: <see cref="AdvisorOptions"/> (section <c>Advisor</c>), the pure conversation
    /// (<see cref="Advisor.Conversation.Advisor"/> over the engine and the embedded tour), the turn handler (and what it reads, fetched with the turn's claim), team
    /// profiles over the versioned store, and the plain-text renderer (every channel's fallback; each channel registers
    /// its own richer renderer).
    /// </summary>
    public static IServiceCollection AddAdvisor(this IServiceCollection services)
    {
        services.AddOptions<AdvisorOptions>()
            .BindConfiguration(AdvisorOptions.Section)
            .ValidateAttributes<AdvisorOptions, AdvisorOptionsAttributes>()
            .ValidateOnStart();

        services.TryAddSingleton<IFlywheelGuide>(sp => new PlaybookGuide(sp.GetRequiredService<DiagnosisEngine>()));
        services.TryAddSingleton(_ => TourContent.LoadEmbedded());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AdvisorOptions>>().Value;
            var policy = new AdvisorPolicy(TimeSpan.FromDays(options.ProfileFreshDays), options.MaxMisses);
            return new Advisor.Conversation.Advisor(sp.GetRequiredService<IFlywheelGuide>(), sp.GetRequiredService<TourContent>(), policy);
        });
        services.TryAddSingleton(sp => new ConversationStateRetention(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DialogStateRetention));
        services.TryAddSingleton<ITeamProfileStore, VersionedTeamProfileStore>();
        services.TryAddSingleton<ITurnHandler, AdvisorTurnHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITurnPrefetch, AdvisorTurnPrefetch>());
        services.TryAddSingleton<ITextRenderer, PlainTextRenderer>();
        return services;
    }
}
