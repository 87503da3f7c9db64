using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.CheckIns.History;

/// <summary>
/// One dated diagnosis of a conversation: the metrics reported, each stage's status (stage id -> status id),
/// the bottleneck and the recommended activity. <see cref="Source"/> is <c>interview</c>, <c>update</c> or <c>check-in</c>.
/// </summary>
public sealed record HistorySnapshot(
    DateTimeOffset At,
    string Source,
    ImmutableDictionary<string, decimal> Metrics,
    ImmutableDictionary<string, string> Stages,
    string Bottleneck,
    bool IsOptimisation,
    string ActivityId,
    string ActivityTitle,
    string MetricToWatch,
    string Target)
{
    public static HistorySnapshot From(Diagnosis diagnosis, string source, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        return new HistorySnapshot(
            at.ToUniversalTime(),
            source,
            diagnosis.Input.Metrics,
            diagnosis.Stages.ToImmutableDictionary(s => FlywheelIds.Of(s.Stage), s => FlywheelIds.Of(s.Status)),
            FlywheelIds.Of(diagnosis.Bottleneck.Stage),
            diagnosis.Bottleneck.IsOptimisation,
            diagnosis.Recommendation.ActivityId,
            diagnosis.Recommendation.Title,
            diagnosis.Recommendation.MetricToWatch,
            diagnosis.Recommendation.Target);
    }

    /// <summary>The stage's status, <see cref="StageStatus.Unknown"/> when the snapshot has none.</summary>
    public StageStatus StatusOf(StageId stage) =>
        Stages.TryGetValue(FlywheelIds.Of(stage), out var id) && Enum.TryParse<StageStatus>(id, ignoreCase: true, out var status)
            ? status
            : StageStatus.Unknown;
}
