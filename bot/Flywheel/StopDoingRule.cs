using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// When reported work should stop. A <see cref="Downstream"/> rule covers every activity in a stage after a weak
/// bottleneck except <see cref="Keep"/>; otherwise the rule covers <see cref="Activities"/> for <see cref="Audiences"/>
/// (empty = all) while <see cref="Bottleneck"/> (null = any) is the weak bottleneck. <see cref="Why"/> may use
/// {activity}, {activityStage}, {bottleneck} and {recommended}.
/// </summary>
public sealed record StopDoingRule(
    string Id,
    bool Downstream,
    ImmutableArray<string> Keep,
    ImmutableArray<string> Activities,
    ImmutableArray<Audience> Audiences,
    StageId? Bottleneck,
    string Why);
