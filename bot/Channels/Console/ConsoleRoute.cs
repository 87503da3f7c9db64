using FlywheelBot.Conversations;

namespace FlywheelBot.Channels.Console;

/// <summary>The terminal's half of an address: the chat session open in this process (proactive messages print there).</summary>
internal sealed record ConsoleRoute(string User) : ConversationRoute
{
    /// <summary>The channel name of terminal addresses (and the key of <see cref="ConsoleMessenger"/>).</summary>
    public const string Channel = "console";

    public const string Discriminator = "console";
}
