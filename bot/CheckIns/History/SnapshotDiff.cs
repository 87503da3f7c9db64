using System.Collections.Immutable;
using System.Globalization;
using FlywheelBot.Flywheel;

namespace FlywheelBot.CheckIns.History;

/// <summary>
/// What changed between two snapshots, as short phrases: "Monthly visitors +18 %", "awareness now healthy",
/// "next bottleneck: engagement".
/// </summary>
internal static class SnapshotDiff
{
    public static ImmutableArray<string> Describe(HistorySnapshot? previous, HistorySnapshot current, Func<string, CheckInMetric> describe)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(describe);
        var changes = ImmutableArray.CreateBuilder<string>();
        if (previous is null)
        {
            changes.Add($"first snapshot recorded; bottleneck: {current.Bottleneck}");
            return changes.ToImmutable();
        }

        foreach (var (id, value) in current.Metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var metric = describe(id);
            if (!previous.Metrics.TryGetValue(id, out var before))
            {
                changes.Add($"{metric.Label} {Number(value)}{UnitSuffix(metric)} (new)");
            }
            else if (before != value)
            {
                changes.Add(Change(metric, before, value));
            }
        }

        foreach (var stage in Enum.GetValues<StageId>())
        {
            var was = previous.StatusOf(stage);
            var now = current.StatusOf(stage);
            if (was != now)
            {
                changes.Add($"{FlywheelIds.Of(stage)} now {FlywheelIds.Of(now)}");
            }
        }

        changes.Add(previous.Bottleneck == current.Bottleneck
            ? $"bottleneck still {current.Bottleneck}"
            : $"next bottleneck: {current.Bottleneck}");
        return changes.ToImmutable();
    }

    private static string Change(CheckInMetric metric, decimal before, decimal after)
    {
        if (IsPercent(metric))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{metric.Label} {Number(before)} % -> {Number(after)} % ({after - before:+0.##;-0.##} pts)");
        }

        if (before == 0)
        {
            return $"{metric.Label} {Number(before)} -> {Number(after)}";
        }

        var relative = Math.Round((after - before) / Math.Abs(before) * 100m, 0, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{metric.Label} {relative:+0;-0;0} % ({Number(before)} -> {Number(after)})");
    }

    private static bool IsPercent(CheckInMetric metric) =>
        metric.Unit.Contains('%', StringComparison.Ordinal) || metric.Id.EndsWith("_pct", StringComparison.Ordinal);

    private static string UnitSuffix(CheckInMetric metric) => IsPercent(metric) ? " %" : string.Empty;

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
