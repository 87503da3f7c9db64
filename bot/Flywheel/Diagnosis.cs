using System.Collections.Immutable;

namespace FlywheelBot.Flywheel;

/// <summary>
/// The engine's answer: per-stage status, the bottleneck, exactly one recommendation, what to stop, what is missing.
/// <see cref="Warnings"/> lists reported numbers that contradict each other; <see cref="Focus"/> is set when the team
/// does too many things at once, and <see cref="KeepDoing"/> names the reported work that keeps running.
/// </summary>
public sealed record Diagnosis(
    DiagnosisInput Input,
    ImmutableArray<StageAssessment> Stages,
    Bottleneck Bottleneck,
    Recommendation Recommendation,
    ImmutableArray<StopDoing> StopDoing,
    ImmutableArray<MissingMetric> Missing)
{
    public ImmutableArray<DataWarning> Warnings { get; init; } = [];

    public string? Focus { get; init; }

    public ImmutableArray<string> KeepDoing { get; init; } = [];

    /// <summary>The metrics worked out from others (a rate from two counts, or a count from a count and a rate).</summary>
    public ImmutableHashSet<string> Derived { get; init; } = ImmutableHashSet<string>.Empty;
}

/// <summary>One stage's status and the evidence that decided it.</summary>
public sealed record StageAssessment(StageId Stage, StageStatus Status, ImmutableArray<Evidence> Evidence);

/// <summary>
/// One reason behind a stage status: the metric, its reported value (null when missing) and a sentence
/// a marketer can read ("monthly_visitors 200 is below the weak threshold 1,000").
/// </summary>
public sealed record Evidence(string MetricId, decimal? Value, StageStatus Verdict, string Text);

/// <summary>
/// The stage that holds the wheel back and why. <see cref="IsOptimisation"/> is true when everything reported is
/// healthy; <see cref="Status"/> is the stage's own status (weak, watch, or healthy for an optimisation).
/// </summary>
public sealed record Bottleneck(StageId Stage, string Reason, bool IsOptimisation)
{
    public StageStatus Status { get; init; } = IsOptimisation ? StageStatus.Healthy : StageStatus.Weak;
}

/// <summary>
/// The single next activity. <see cref="CurrentValue"/> is the team's value of <see cref="MetricToWatch"/> (null when
/// not known) and <see cref="TargetValue"/> the number the target asks for: always better than the current value.
/// </summary>
public sealed record Recommendation(
    string ActivityId,
    string Title,
    string Why,
    string FirstStep,
    string MetricToWatch,
    string Target,
    int ReviewInDays)
{
    public decimal? CurrentValue { get; init; }

    public decimal? TargetValue { get; init; }

    /// <summary>For senior decision-makers: the B2B spoke of the activity and the spoke it feeds next; null otherwise.</summary>
    public SpokeLink? Spoke { get; init; }
}

/// <summary>Work the team reports doing that is burnt while the bottleneck is upstream of it.</summary>
public sealed record StopDoing(string ActivityId, string Why);

/// <summary>A metric that would sharpen the advice, and the assumption made instead of it.</summary>
public sealed record MissingMetric(string MetricId, string Assumption);
