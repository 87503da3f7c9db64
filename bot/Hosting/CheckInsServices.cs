using FlywheelBot.Settings;
using FlywheelBot.Advisor;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.History;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Conversations;
using FlywheelBot.Views;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlywheelBot.Hosting;

internal static class CheckInsServices
{
    /// <summary>
    /// Registers weekly check-ins (bot/CheckIns/): <see cref="CheckInOptions"/> (section <c>CheckIns</c>, validated at
    /// start-up), the command interceptor (an <see cref="ITurnInterceptor"/>), the text contributor for the check-in views
    /// (the channels draw their cards and blocks themselves), the pause of a lost installation's check-ins
    /// (an <see cref="Conversations.IInstallationRemovedListener"/>), the history recorder
    /// (<see cref="IDiagnosisRecorder"/>) and the <see cref="CheckInScheduler"/> hosted service.
    /// Needs <see cref="Storage.IDocumentStore"/>, <see cref="ITeamProfileStore"/>, the channel's
    /// <see cref="IProactiveMessenger"/> (the messenger router)/<see cref="IConversationDirectory"/> and the engine.
    /// </summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.AddOptions<CheckInOptions>()
            .BindConfiguration(CheckInOptions.Section)
            .ValidateAttributes<CheckInOptions, CheckInOptionsAttributes>()
            .ValidateOnStart();
        services.TryAddSingleton<ICheckInAdvice, EngineCheckInAdvice>();
        services.TryAddSingleton<CheckInRepository>();
        services.TryAddSingleton<FlywheelBot.Telemetry.BotMetrics>();
        services.TryAddSingleton<HistoryStore>();
        services.TryAddSingleton<HistoryService>();
        services.TryAddSingleton<CheckInPromptFactory>();
        services.TryAddSingleton<CheckInAnswerHandler>();
        services.TryAddSingleton<IDiagnosisRecorder, HistoryRecorder>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITurnInterceptor, CheckInInterceptor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITextContributor, CheckInTextContributor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Conversations.IInstallationRemovedListener, CheckInPauseOnRemoval>());
        services.TryAddSingleton<CheckInScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckInScheduler>());
        return services;
    }
}
