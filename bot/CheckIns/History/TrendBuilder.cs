using System.Collections.Immutable;
using System.Globalization;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Flywheel;

namespace FlywheelBot.CheckIns.History;

/// <summary>Folds snapshots into the last weeks (ISO weeks in the team's zone; the latest snapshot of each week counts).</summary>
internal static class TrendBuilder
{
    public const int Weeks = 8;

    /// <param name="newestFirst">Snapshots, newest first.</param>
    public static CheckInHistoryView Build(
        IReadOnlyList<HistorySnapshot> newestFirst, DateTimeOffset now, string timeZoneId, Func<string, CheckInMetric> describe)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(describe);
        var today = DateOnly.FromDateTime(WeeklyCalendar.ToLocal(now, timeZoneId));
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var mondays = Enumerable.Range(0, Weeks).Select(i => thisMonday.AddDays(-7 * (Weeks - 1 - i))).ToImmutableArray();

        var perWeek = mondays.Select(monday => newestFirst.FirstOrDefault(s =>
        {
            var local = DateOnly.FromDateTime(WeeklyCalendar.ToLocal(s.At, timeZoneId));
            return local >= monday && local < monday.AddDays(7);
        })).ToImmutableArray();

        var stages = Enum.GetValues<StageId>()
            .Select(stage => new StageTrend(stage, perWeek.Select(s => s is null ? (StageStatus?)null : s.StatusOf(stage)).ToImmutableArray()))
            .ToImmutableArray();

        var watch = newestFirst.Count > 0 && !string.IsNullOrWhiteSpace(newestFirst[0].MetricToWatch) ? describe(newestFirst[0].MetricToWatch) : null;
        var values = perWeek
            .Select(s => watch is not null && s is not null && s.Metrics.TryGetValue(watch.Id, out var v) ? v : (decimal?)null)
            .ToImmutableArray();

        return new CheckInHistoryView(
            timeZoneId,
            mondays.Select(m => m.ToString("d MMM", CultureInfo.InvariantCulture)).ToImmutableArray(),
            stages,
            watch,
            values,
            newestFirst.Count);
    }
}
