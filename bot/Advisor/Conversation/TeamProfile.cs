using System.Collections.Immutable;
using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Campaigns;
using FlywheelBot.Flywheel.Goals;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// What a conversation (a person or a whole team chat) has told the bot about itself: shared by everyone in the
/// conversation, updated by interviews, metric updates and check-ins. Metrics use the playbook's metric ids.
/// </summary>
public sealed record TeamProfile(
    Audience Audience,
    MarketAwareness Awareness,
    Community Community,
    ImmutableDictionary<string, decimal> Metrics,
    ImmutableHashSet<string> Doing,
    DateTimeOffset UpdatedAt)
{
    private readonly ImmutableArray<Campaign> campaigns = [];

    /// <summary>The flywheel's one measurable goal (metric, target, date), or null when the team has not set one.</summary>
    public FlywheelGoal? Goal { get; init; }

    /// <summary>The team's campaigns (running and ended), each with its own program flywheel and goal.</summary>
    public ImmutableArray<Campaign> Campaigns
    {
        get => campaigns.IsDefault ? [] : campaigns;
        init => campaigns = value;
    }

    public DiagnosisInput ToDiagnosisInput() => new(Audience, Awareness, Community, Metrics, Doing);
}
