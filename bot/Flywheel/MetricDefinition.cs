using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// A diagnostic metric from the playbook: what it is called, the interview question, its unit, bounds
/// (<see cref="Min"/>/<see cref="Max"/>, null = unbounded) and the healthy/weak lines per audience.
/// </summary>
public sealed record MetricDefinition(
    string Id,
    StageId Stage,
    string Label,
    string Question,
    MetricUnit Unit,
    MetricDirection Direction,
    decimal? Min,
    decimal? Max,
    ImmutableDictionary<Audience, MetricThreshold> Thresholds)
{
    /// <summary>The words people type for this metric ("visitors", "traffic"), from the playbook's <c>aliases</c>.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>True when the metric has lines for the audience (i.e. it helps diagnose that audience).</summary>
    public bool AppliesTo(Audience audience) => Thresholds.ContainsKey(audience);

    /// <summary>The lines for the audience, or null when the metric does not apply to it.</summary>
    public MetricThreshold? ThresholdFor(Audience audience) => Thresholds.GetValueOrDefault(audience);

    /// <summary>The label in this audience's words ("New sign-ups or trials per month" for end users), else <see cref="Label"/>.</summary>
    public string LabelFor(Audience audience) => ThresholdFor(audience)?.Label ?? Label;

    /// <summary>The interview question in this audience's words, else <see cref="Question"/>.</summary>
    public string QuestionFor(Audience audience) => ThresholdFor(audience)?.Question ?? Question;
}
