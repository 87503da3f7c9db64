using System.Collections.Immutable;
using FlywheelBot.Flywheel.Goals;

namespace FlywheelBot.Flywheel.Campaigns;

/// <summary>A campaign's own program flywheel: its name, its one goal, who it speaks to and one activity per stage in flywheel order.</summary>
public sealed record CampaignPlan(string Name, FlywheelGoal Goal, Audience Audience, MarketAwareness Awareness, ImmutableArray<CampaignStep> Stages);
