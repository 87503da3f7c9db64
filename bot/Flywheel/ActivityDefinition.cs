using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// An activity the playbook can recommend: the stage it works on, the audiences it suits, why it works, a first step
/// for this week, the metric it moves with a target, when to review it and a rough effort.
/// </summary>
public sealed record ActivityDefinition(
    string Id,
    string Title,
    StageId Stage,
    ImmutableArray<Audience> Audiences,
    string Why,
    string FirstStep,
    string MetricId,
    string Target,
    int ReviewInDays,
    ActivityEffort Effort)
{
    public bool Suits(Audience audience) => Audiences.Contains(audience);
}
