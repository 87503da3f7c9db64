using System.Collections.Immutable;
using FlywheelBot.Flywheel;

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
    public DiagnosisInput ToDiagnosisInput() => new(Audience, Awareness, Community, Metrics, Doing);
}
