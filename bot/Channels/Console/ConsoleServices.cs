using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.Console;

/// <summary>The terminal channel's registration: its output, route type, messenger and the chat session.</summary>
internal static class ConsoleServices
{
    /// <summary>
    /// Registers the terminal as a channel writing to <paramref name="output"/>: the shared plumbing, its route type and
    /// its proactive messenger (keyed <see cref="ConsoleRoute.Channel"/>), and <see cref="ChatSession"/> for
    /// <paramref name="settings"/>.
    /// </summary>
    public static IServiceCollection AddConsoleChannel(this IServiceCollection services, TextWriter output, ChatSettings settings)
    {
        services.AddConversations();
        services.AddSingleton(sp => new ConsoleOutput(output, sp.GetRequiredService<ITextRenderer>()));
        services.AddSingleton(settings);
        services.AddSingleton(new ConversationRouteType(ConsoleRoute.Channel, ConsoleRoute.Discriminator, ConsoleJsonContext.Default.ConsoleRoute));
        services.AddKeyedSingleton<IProactiveMessenger, ConsoleMessenger>(ConsoleRoute.Channel);
        services.AddSingleton<ChatSession>();
        return services;
    }
}
