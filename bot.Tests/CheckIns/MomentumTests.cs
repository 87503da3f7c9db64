using System.Collections.Immutable;
using System.Globalization;
using FlywheelBot.CheckIns.History;

namespace FlywheelBot.Tests.CheckIns;

/// <summary>Turns of the wheel: consecutive weeks in which the bottleneck's metric to watch improved.</summary>
public sealed class MomentumTests
{
    // Mondays in November 2026: 2, 9, 16, 23, 30.
    [Fact]
    public void Three_weeks_of_improvement_are_three_turns_gaining()
    {
        var momentum = Count(("2026-11-02", 100), ("2026-11-09", 120), ("2026-11-16", 130), ("2026-11-23", 150));

        Assert.Equal(3, momentum.Turns);
        Assert.Equal(MomentumChange.Gaining, momentum.Change);
        Assert.Contains("gaining momentum: Visitors improved 3 weeks in a row", momentum.Sentence("Visitors"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_worse_week_after_gains_loses_momentum_and_names_the_broken_streak()
    {
        var momentum = Count(("2026-11-02", 100), ("2026-11-09", 120), ("2026-11-16", 130), ("2026-11-23", 125));

        Assert.Equal(0, momentum.Turns);
        Assert.Equal(MomentumChange.Losing, momentum.Change);
        Assert.Equal(2, momentum.LostTurns);
        Assert.Contains("lost momentum", momentum.Sentence("Visitors"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_flat_week_without_earlier_gains_is_stalled()
    {
        var momentum = Count(("2026-11-16", 130), ("2026-11-23", 130));

        Assert.Equal(MomentumChange.Stalled, momentum.Change);
        Assert.StartsWith("The wheel is not turning yet", momentum.Sentence("Visitors"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_week_breaks_the_streak()
    {
        var momentum = Count(("2026-11-02", 100), ("2026-11-09", 120), ("2026-11-23", 150), ("2026-11-30", 160));

        Assert.Equal(1, momentum.Turns);
    }

    [Fact]
    public void Only_the_latest_snapshot_of_a_week_counts()
    {
        var momentum = Count(("2026-11-16", 100), ("2026-11-23", 90), ("2026-11-26", 110));

        Assert.Equal(1, momentum.Turns);
        Assert.Equal(MomentumChange.Gaining, momentum.Change);
    }

    [Fact]
    public void Lower_is_better_metrics_improve_by_going_down()
    {
        var momentum = Momentum.Count(Snapshots("monthly_churn_pct", ("2026-11-09", 5), ("2026-11-16", 4), ("2026-11-23", 3.5)), "UTC", id => id == "monthly_churn_pct");

        Assert.Equal(2, momentum.Turns);
    }

    [Fact]
    public void One_week_or_a_week_without_the_metric_says_nothing()
    {
        Assert.Equal(MomentumChange.Unknown, Count(("2026-11-23", 100)).Change);
        Assert.Null(Count(("2026-11-23", 100)).Sentence("Visitors"));
        var gap = Snapshots("monthly_visitors", ("2026-11-16", 100)).Add(Snapshot("2026-11-23", "monthly_visitors", ImmutableDictionary<string, decimal>.Empty));
        Assert.Equal(MomentumChange.Unknown, Momentum.Count([.. gap.Reverse()], "UTC", _ => false).Change);
    }

    [Fact]
    public void Weeks_follow_the_team_s_zone()
    {
        // Sunday 22 Nov 23:30 UTC is already Monday 23 Nov in Berlin: two consecutive weeks there, one week in UTC... plus the week before.
        var snapshots = Snapshots("monthly_visitors", ("2026-11-16T12:00:00Z", 100), ("2026-11-22T23:30:00Z", 120));

        Assert.Equal(MomentumChange.Gaining, Momentum.Count(snapshots, "Europe/Berlin", _ => false).Change);
        Assert.Equal(MomentumChange.Unknown, Momentum.Count(snapshots, "UTC", _ => false).Change);
    }

    private static Momentum Count(params (string At, double Value)[] oldestFirst) =>
        Momentum.Count(Snapshots("monthly_visitors", oldestFirst), "UTC", _ => false);

    private static ImmutableArray<HistorySnapshot> Snapshots(string metric, params (string At, double Value)[] oldestFirst) =>
        [.. oldestFirst.Reverse().Select(s => Snapshot(s.At, metric, ImmutableDictionary<string, decimal>.Empty.Add(metric, (decimal)s.Value)))];

    private static HistorySnapshot Snapshot(string at, string metric, ImmutableDictionary<string, decimal> metrics) =>
        new(
            DateTimeOffset.Parse(at.Contains('T', StringComparison.Ordinal) ? at : at + "T09:00:00Z", CultureInfo.InvariantCulture),
            "check-in",
            metrics,
            ImmutableDictionary<string, string>.Empty,
            "awareness",
            false,
            "seo",
            "SEO",
            metric,
            "more");
}
