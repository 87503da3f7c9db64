using FlywheelBot.Conversations;

namespace FlywheelBot.Channels.Console;

/// <summary>Who is chatting and how: a 1:1 chat or, with <c>--team</c>, a group chat; the user's name and time zone.</summary>
internal sealed record ChatSettings(ConversationScope Scope, string UserName, string? TimeZone)
{
    public string ConversationKey => Scope == ConversationScope.Personal ? "console:personal" : "console:team";
}
