using FlywheelBot.Conversations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlywheelBot.Conversations.Plumbing;

public static class ConversationsServices
{
    /// <summary>
    /// Registers what every channel shares (bot/Conversations/): the conversation directory (stored addresses, with each
    /// channel's route type), the messenger router as <see cref="IProactiveMessenger"/> (channels register their own
    /// messenger keyed by channel name), de-duplication (and the claim batch a turn starts with), installs, the turn runner and answer-early-reply-later.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new ConversationAddressJson(sp.GetServices<ConversationRouteType>()));
        services.TryAddSingleton<IConversationDirectory, DocumentConversationDirectory>();
        services.TryAddSingleton<IProactiveMessenger, MessengerRouter>();
        services.TryAddSingleton<TurnDeduplicator>();
        services.TryAddSingleton<TurnStart>();
        services.TryAddSingleton<InstallRegistry>();
        services.TryAddSingleton<TurnRunner>();
        services.TryAddSingleton<BackgroundTurns>();
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundTurns>());
        services.TryAddSingleton<LateReplies>();
        return services;
    }
}
