using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// An activity the playbook can recommend: the stage it works on, the audiences it suits, why it works, a first step
/// for this week, the metric it moves with a target, when to review it and a rough effort; for senior decision-makers
/// also the spoke it belongs to.
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
    /// <summary>The B2B spoke the activity belongs to (senior decision-maker audiences), or null.</summary>
    public string? Spoke { get; init; }

    /// <summary>Where the activity's case comes from (a published source, or "Project judgement"), or null when not stated.</summary>
    public string? Source { get; init; }

    /// <summary>Everyday words for the activity ("lead scoring", "google ads"), for reading what people type.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    public bool Suits(Audience audience) => Audiences.Contains(audience);
}
