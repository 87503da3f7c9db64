using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// A rule that fixes the answer: when <see cref="Stage"/> is the weak bottleneck for one of <see cref="Audiences"/>,
/// the recommendation is <see cref="ActivityId"/> whatever the ranking says (the end-user product gate).
/// </summary>
public sealed record RouteGate(
    string Id,
    string Rule,
    ImmutableArray<Audience> Audiences,
    StageId Stage,
    string ActivityId,
    string Reason);
