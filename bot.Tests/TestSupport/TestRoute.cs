using FlywheelBot.Conversations;

namespace FlywheelBot.Tests.TestSupport;

/// <summary>A route of no real channel, for tests that only need addresses to exist (check-ins with a recording messenger).</summary>
internal sealed record TestRoute(string ConversationId) : ConversationRoute
{
    public const string Channel = "test";
}
