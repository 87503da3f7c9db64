using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>Where the onboarding tour is (<see cref="Current"/>) and which stages' check questions were answered.</summary>
internal sealed record TourProgress(StageId? Current, ImmutableHashSet<StageId> Checked)
{
    public static TourProgress None { get; } = new(null, ImmutableHashSet<StageId>.Empty);
}
