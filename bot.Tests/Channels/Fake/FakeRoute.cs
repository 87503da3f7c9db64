using FlywheelBot.Conversations;

namespace FlywheelBot.Tests.Channels.Fake;

/// <summary>The fake channel's half of an address: its own conversation id.</summary>
internal sealed record FakeRoute(string ConversationId) : ConversationRoute
{
    public const string Channel = "fake";
}
