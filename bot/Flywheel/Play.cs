using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// The ranked activities for one audience and stage in a situation (<see cref="When"/>). The first play that matches
/// wins. <see cref="Assumption"/> is reported as missing information when the play matched an unknown community.
/// </summary>
public sealed record Play(
    Audience Audience,
    StageId Stage,
    PlayCondition When,
    string Why,
    string? Assumption,
    ImmutableArray<string> Ranked);
