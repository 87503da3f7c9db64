using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using Microsoft.Extensions.DependencyInjection;

namespace FlywheelBot.Tests.Channels.Fake;

/// <summary>The fake channel's one registration line: plumbing, route type, messenger, the channel itself.</summary>
internal static class FakeChannelServices
{
    public static IServiceCollection AddFakeChannel(this IServiceCollection services)
    {
        services.AddConversations();
        services.AddSingleton(new ConversationRouteType(FakeRoute.Channel, FakeRoute.Channel, FakeJsonContext.Default.FakeRoute));
        services.AddSingleton<FakeChannel>();
        services.AddKeyedSingleton<IProactiveMessenger, FakeMessenger>(FakeRoute.Channel);
        return services;
    }
}
