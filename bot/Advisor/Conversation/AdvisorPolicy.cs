namespace FlywheelBot.Advisor.Conversation;

/// <summary>The conversation's few tunables: how long a saved profile answers "what should we do next" at once, and how many unreadable answers before a question is skipped.</summary>
internal sealed record AdvisorPolicy(TimeSpan ProfileFreshFor, int MaxMisses)
{
    public static AdvisorPolicy Default { get; } = new(TimeSpan.FromDays(30), 3);
}
