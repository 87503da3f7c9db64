using FlywheelBot.Bench;

namespace FlywheelBot.Tests.Bench;

public sealed class BenchReportTests
{
    private static readonly BenchOptions Options = new([Targets.Botbuilder, Targets.Sqlite, Targets.Postgres], 16, 10, 5, "Host=db", null, 3, null);

    [Fact]
    public void Ratios_are_against_the_reference_bot_of_the_same_run_and_each_figure_says_whether_it_met_its_target()
    {
        var results = new[]
        {
            new TargetResult(Targets.Botbuilder, Phase(1000, p99: 20), Phase(10_000, p99: 1), 90, null),
            new TargetResult(Targets.Sqlite, Phase(7000, p99: 8), Phase(20_000, p99: 1), 140, null),
            new TargetResult(Targets.Postgres, Phase(1500, p99: 30), Phase(20_000, p99: 1), 160, 2.1),
        };
        var coldStart = new ColdStartResult([100, 120, 110], [300, 500, 350], [200, 260, 210], 0) { ResidentMb = [61.2, 60.4, 62.9] };

        var lines = BenchReport.Render(Options, results, coldStart, "0.5 0.4 0.3").Split(Environment.NewLine);

        Assert.Contains("| sqlite | interview turn | 1000 | 0 | 7000 | 1.00 | 8.00 | 0.35 | 7.00 | ", string.Join('\n', lines), StringComparison.Ordinal);
        Assert.Contains("| PostgreSQL turns vs botbuilder turns | >= 2x | 1.50x | **no** |", lines);
        Assert.Contains("| PostgreSQL transactions (round trips) per turn | <= 2 | 2.10 | **no** |", lines);
        Assert.Contains("| SQLite turns vs botbuilder turns | >= 6x | 7.00x | yes |", lines);
        Assert.Contains("| SQLite turn p99 at 16 connections | <= 10 ms | 8.0 ms | yes |", lines);
        Assert.Contains("| cold start: first turn answered (median) | <= 0.4 s | 350.0 ms | yes |", lines);
        Assert.Contains("| cold start: CPU used until the first answer (median; no wait for a core in it) | - | 210.0 ms | - |", lines);
        Assert.Contains(lines, l => l.StartsWith("cold start of the published app (3 starts):", StringComparison.Ordinal) && l.EndsWith("; peak resident set by then 61, 60, 63 MB", StringComparison.Ordinal));
        Assert.Contains("| sqlite: server RSS peak under the bench | <= 150 MB | 140.0 MB | yes |", lines);
        Assert.Contains("| postgres: server RSS peak under the bench | <= 150 MB | 160.0 MB | **no** |", lines);
    }

    [Fact]
    public void The_published_app_has_no_bare_phase_and_its_figures_are_reported_beside_the_bench_hosts()
    {
        var results = new[]
        {
            new TargetResult(Targets.Botbuilder, Phase(1000, p99: 20), Phase(10_000, p99: 1), 90, null),
            new TargetResult(Targets.Sqlite, Phase(7000, p99: 8), Phase(20_000, p99: 1), 140, null),
            new TargetResult(Targets.Postgres, Phase(1500, p99: 30), Phase(20_000, p99: 1), 160, 1.1),
            new TargetResult(Targets.SqlitePublished, Phase(6500, p99: 12), null, 92, null),
            new TargetResult(Targets.PostgresPublished, Phase(2500, p99: 30), null, 106, 1.1),
        };

        var report = BenchReport.Render(Options, results, null, "0.5 0.4 0.3");
        var lines = report.Split(Environment.NewLine);

        Assert.DoesNotContain("| sqlite-published | bare POST", report, StringComparison.Ordinal);
        Assert.Contains("| sqlite-published | interview turn | 1000 | 0 | 6500 | 1.00 | 12.00 | - | 6.50 | ", report, StringComparison.Ordinal);
        Assert.Contains("| SQLite turns vs botbuilder turns, the published app | >= 6x | 6.50x | yes |", lines);
        Assert.Contains("| SQLite turn p99 at 16 connections, the published app | <= 10 ms | 12.0 ms | **no** |", lines);
        Assert.Contains("| PostgreSQL turns vs botbuilder turns, the published app | >= 2x | 2.50x | yes |", lines);
        Assert.Contains("| postgres: server RSS peak under the bench | <= 150 MB | 160.0 MB | **no** |", lines);
        Assert.Contains("| postgres-published: server RSS peak under the bench | <= 150 MB | 106.0 MB | yes |", lines);
    }

    [Fact]
    public void The_postgres_floor_is_shown_beside_the_turns_and_not_judged_as_a_server()
    {
        var results = new[]
        {
            new TargetResult(Targets.Botbuilder, Phase(1000, p99: 20), Phase(10_000, p99: 1), 90, null),
            new TargetResult(Targets.Postgres, Phase(1500, p99: 30), Phase(20_000, p99: 1), 160, 1.08, 300),
            new TargetResult(Targets.PostgresStore, Phase(6000, p99: 7), Phase(12_000, p99: 4), double.NaN, 1.0, 210),
        };

        var report = BenchReport.Render(Options, results, null, "n/a");
        var lines = report.Split(Environment.NewLine);

        Assert.Contains(lines, l => l.StartsWith("| postgres-store | one row UPDATE | 1000 | 0 | 12000 |", StringComparison.Ordinal) && l.EndsWith("| - | - |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| postgres-store | a turn's commit, no bot | 1000 | 0 | 6000 | 1.00 | 7.00 | 0.50 | 6.00 |", StringComparison.Ordinal));
        Assert.Contains("| PostgreSQL floor: a turn's commit alone (no bot) vs botbuilder turns | - | 6.00x | - |", lines);
        Assert.Contains("| PostgreSQL turns vs that floor | - | 0.25x | - |", lines);
        Assert.Contains(lines, l => l.StartsWith("postgres-store: the database server's backends spent 210 us of CPU per commit", StringComparison.Ordinal));
        Assert.Contains("postgres: the database server's backends spent 300 us of CPU per interview turn (server CPU above is the bot's alone)", lines);
        Assert.DoesNotContain("postgres-store: server RSS peak", report, StringComparison.Ordinal);
        Assert.Contains("| postgres: server RSS peak under the bench | <= 150 MB | 160.0 MB | **no** |", lines);
    }

    [Fact]
    public void Without_the_reference_bot_the_ratios_say_not_measured()
    {
        var results = new[] { new TargetResult(Targets.Sqlite, Phase(7000, p99: 8), Phase(20_000, p99: 1), 140, null) };

        var report = BenchReport.Render(Options, results, null, "n/a");

        Assert.Contains("| SQLite turns vs botbuilder turns | >= 6x | (not measured) | - |", report, StringComparison.Ordinal);
        Assert.DoesNotContain("cold start", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_phase_says_how_much_cpu_the_machine_had_stolen_during_it()
    {
        var results = new[]
        {
            new TargetResult(Targets.Sqlite, Phase(7000, p99: 8) with { StealPercent = 19.6 }, Phase(20_000, p99: 1) with { StealPercent = 0.2 }, 140, null),
            new TargetResult(Targets.SqlitePublished, Phase(6500, p99: 8), null, 92, null),
        };

        var lines = BenchReport.Render(Options, results, null, "n/a").Split(Environment.NewLine);

        Assert.Contains(lines, l => l.StartsWith("| target |", StringComparison.Ordinal) && l.EndsWith("| server RSS peak MB | CPU stolen % |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| sqlite | interview turn |", StringComparison.Ordinal) && l.EndsWith("| 140 | 20 |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| sqlite | bare POST |", StringComparison.Ordinal) && l.EndsWith("| 140 | 0 |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| sqlite-published | interview turn |", StringComparison.Ordinal) && l.EndsWith("| 92 | - |", StringComparison.Ordinal));
    }

    [Fact]
    public void A_figure_measured_while_much_of_the_cpu_was_stolen_is_not_judged()
    {
        var results = new[]
        {
            new TargetResult(Targets.Botbuilder, Phase(1000, p99: 20) with { StealPercent = 36 }, null, 90, null),
            new TargetResult(Targets.Sqlite, Phase(7000, p99: 8) with { StealPercent = 2 }, null, 140, null),
            new TargetResult(Targets.SqlitePublished, Phase(5000, p99: 12) with { StealPercent = 10 }, null, 92, null),
        };

        var lines = BenchReport.Render(Options, results, null, "n/a").Split(Environment.NewLine);

        Assert.Contains("| SQLite turns vs botbuilder turns | >= 6x | 7.00x | not judged: 36% of the CPU stolen |", lines);
        Assert.Contains("| SQLite turn p99 at 16 connections | <= 10 ms | 8.0 ms | yes |", lines);
        Assert.Contains("| SQLite turns vs botbuilder turns, the published app | >= 6x | 5.00x | not judged: 36% of the CPU stolen |", lines);
        Assert.Contains("| SQLite turn p99 at 16 connections, the published app | <= 10 ms | 12.0 ms | **no** |", lines);
    }

    [Theory]
    [InlineData(new double[] { 3, 1, 2 }, 2)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    [InlineData(new double[] { }, double.NaN)]
    public void The_median_is_the_middle_start(double[] values, double median)
    {
        Assert.Equal(median, ColdStartResult.Median(values));
    }

    /// <summary>1,000 requests at <paramref name="perSecond"/> a second: latencies 1 ms, the slowest 1.1% at <paramref name="p99"/>.</summary>
    private static Measurement Phase(double perSecond, double p99)
    {
        var latencies = Enumerable.Repeat(1.0, 1000).ToArray();
        for (var i = 989; i < 1000; i++)
        {
            latencies[i] = p99;
        }

        return new Measurement(latencies, TimeSpan.FromSeconds(1000 / perSecond), 0);
    }
}
