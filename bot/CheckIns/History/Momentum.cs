using System.Collections.Immutable;

namespace FlywheelBot.CheckIns.History;

/// <summary>
/// The turns of the wheel (the flywheel-effect article: "turn upon turn, building momentum"): <see cref="Turns"/> is the
/// number of consecutive weeks, up to the latest, in which the bottleneck's metric to watch improved on the week before;
/// <see cref="Change"/> says whether the latest week gained or lost momentum; <see cref="LostTurns"/> is the streak the
/// latest week broke (0 when none). Weeks are ISO weeks in the team's zone; the latest snapshot of a week counts; a week
/// without a snapshot or without the metric breaks the streak.
/// </summary>
public sealed record Momentum(int Turns, MomentumChange Change, int LostTurns, string? MetricId)
{
    public static Momentum None { get; } = new(0, MomentumChange.Unknown, 0, null);

    /// <param name="newestFirst">Snapshots, newest first.</param>
    /// <param name="timeZoneId">The team's zone (weeks start on Monday there).</param>
    /// <param name="lowerIsBetter">Whether a metric id improves by going down (churn, response time).</param>
    public static Momentum Count(IReadOnlyList<HistorySnapshot> newestFirst, string timeZoneId, Func<string, bool> lowerIsBetter)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(lowerIsBetter);
        var weeks = LatestPerWeek(newestFirst, timeZoneId);
        if (weeks.Length < 2)
        {
            return None;
        }

        var metric = weeks[0].Snapshot.MetricToWatch;
        if (string.IsNullOrWhiteSpace(metric))
        {
            return None;
        }

        bool? Improved(int newer)
        {
            var (week, snapshot) = weeks[newer];
            if (newer + 1 >= weeks.Length || weeks[newer + 1].Week != week - 1)
            {
                return null;
            }

            var older = weeks[newer + 1].Snapshot;
            if (!snapshot.Metrics.TryGetValue(metric, out var now) || !older.Metrics.TryGetValue(metric, out var before))
            {
                return null;
            }

            return lowerIsBetter(metric) ? now < before : now > before;
        }

        int Streak(int from)
        {
            var count = 0;
            for (var i = from; i < weeks.Length && Improved(i) == true; i++)
            {
                count++;
            }

            return count;
        }

        var latest = Improved(0);
        if (latest is null)
        {
            return new Momentum(0, MomentumChange.Unknown, 0, metric);
        }

        if (latest == true)
        {
            return new Momentum(Streak(0), MomentumChange.Gaining, 0, metric);
        }

        var lost = Streak(1);
        return new Momentum(0, lost > 0 ? MomentumChange.Losing : MomentumChange.Stalled, lost, metric);
    }

    /// <summary>The sentence a check-in shows, in the seeds' terms; null when there is nothing to say yet.</summary>
    public string? Sentence(string metricLabel) => Change switch
    {
        MomentumChange.Gaining when Turns == 1 =>
            $"The wheel turned: {metricLabel} improved on last week. Keep pushing the same activity: momentum builds turn upon turn.",
        MomentumChange.Gaining =>
            $"The wheel is gaining momentum: {metricLabel} improved {Turns} weeks in a row. Keep pushing; a flywheel that keeps turning starts to help turn itself.",
        MomentumChange.Losing =>
            $"The wheel lost momentum: {metricLabel} did not improve this week, after {(LostTurns == 1 ? "a week" : $"{LostTurns} weeks")} of gains. Push again on the one activity before adding anything new.",
        MomentumChange.Stalled =>
            $"The wheel is not turning yet: {metricLabel} did not improve on last week. A heavy wheel takes steady pushing on one activity, not a new plan.",
        _ => null,
    };

    private static ImmutableArray<(int Week, HistorySnapshot Snapshot)> LatestPerWeek(IReadOnlyList<HistorySnapshot> newestFirst, string timeZoneId)
    {
        var result = ImmutableArray.CreateBuilder<(int, HistorySnapshot)>();
        foreach (var snapshot in newestFirst)
        {
            var local = DateOnly.FromDateTime(WeeklyCalendar.ToLocal(snapshot.At, timeZoneId));
            var monday = local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
            var week = monday.DayNumber / 7;
            if (result.Count == 0 || result[^1].Item1 != week)
            {
                if (result.Count > 0 && result[^1].Item1 < week)
                {
                    continue; // out of order: keep newest-first weeks only
                }

                result.Add((week, snapshot));
            }
        }

        return result.ToImmutable();
    }
}
