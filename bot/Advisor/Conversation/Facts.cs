using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// What one message said about the team, in any order: audience, market awareness, community, any number of metrics
/// (by metric id, last value wins) and the activities it names. Empty when the message names none of them.
/// </summary>
internal sealed record Facts(
    Audience? Audience,
    MarketAwareness? Awareness,
    Community? Community,
    ImmutableDictionary<string, decimal> Metrics,
    ImmutableArray<string> Activities)
{
    public static Facts None { get; } = new(null, null, null, ImmutableDictionary<string, decimal>.Empty, []);

    /// <summary>How many facts about the team (activities not counted).</summary>
    public int Count => (Audience is null ? 0 : 1) + (Awareness is null ? 0 : 1) + (Community is null ? 0 : 1) + Metrics.Count;

    public bool IsEmpty => Count == 0;
}
