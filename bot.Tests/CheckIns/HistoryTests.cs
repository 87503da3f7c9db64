using System.Collections.Immutable;
using System.Globalization;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.History;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Tests.CheckIns;

public sealed class HistoryTests
{
    private static readonly DateTimeOffset Start = At("2026-01-05T10:00:00Z"); // a Monday

    [Fact]
    public async Task Snapshots_list_newest_first_per_conversation_without_mixing_keys_that_share_a_prefix()
    {
        var h = new CheckInHarness(Start);
        for (var week = 0; week < 3; week++)
        {
            await h.History.AddAsync("msteams:a", Snapshot(Start.AddDays(7 * week), visitors: 100 * (week + 1)), null, default);
        }

        await h.History.AddAsync("msteams:a/b", Snapshot(Start, visitors: 9), null, default);
        await h.History.AddAsync("msteams:a", Snapshot(Start.AddDays(14), visitors: 301), null, default); // same instant as week 3

        var recent = await h.History.RecentAsync("msteams:a", 10, default);
        Assert.Equal([301m, 300m, 200m, 100m], recent.Select(s => s.Metrics["monthly_visitors"]).Order().Reverse().ToArray());
        Assert.Equal(4, recent.Length);
        Assert.True(recent.Zip(recent.Skip(1)).All(p => p.First.At >= p.Second.At));
        Assert.Equal(100m, recent[^1].Metrics["monthly_visitors"]);
        Assert.Single(await h.History.RecentAsync("msteams:a/b", 10, default));
    }

    [Fact]
    public void The_trend_has_eight_weeks_with_each_stage_status_and_the_metric_to_watch()
    {
        var now = At("2026-03-04T12:00:00Z"); // Wednesday of week 10
        var snapshots = new[]
        {
            Snapshot(At("2026-03-02T09:00:00Z"), visitors: 1500, awareness: StageStatus.Healthy, bottleneck: "engagement"),
            Snapshot(At("2026-02-23T09:00:00Z"), visitors: 1100, awareness: StageStatus.Weak),
            Snapshot(At("2026-02-23T08:00:00Z"), visitors: 999, awareness: StageStatus.Weak), // older in the same week: ignored
            Snapshot(At("2026-02-09T09:00:00Z"), visitors: 900, awareness: StageStatus.Weak),
            Snapshot(At("2025-12-01T09:00:00Z"), visitors: 10, awareness: StageStatus.Weak), // outside the 8 weeks
        };

        var view = TrendBuilder.Build(snapshots, now, "Europe/Berlin", new FakeCheckInAdvice().Describe);

        Assert.Equal(8, view.WeekLabels.Length);
        Assert.Equal("12 Jan", view.WeekLabels[0]);
        Assert.Equal("2 Mar", view.WeekLabels[^1]);
        var awareness = view.Stages.Single(s => s.Stage == StageId.Awareness).Weeks;
        Assert.Equal(new StageStatus?[] { null, null, null, null, StageStatus.Weak, null, StageStatus.Weak, StageStatus.Healthy }, awareness.ToArray());
        Assert.Equal("monthly_visitors", view.MetricToWatch!.Id);
        Assert.Equal(new decimal?[] { null, null, null, null, 900, null, 1100, 1500 }, view.MetricValues.ToArray());
        Assert.Equal("awareness   · · · · ✗ · ✗ ✓", Assert.IsType<string>(Text(view)).Split('\n')[1]);
    }

    [Fact]
    public void Export_is_rfc4180_csv_with_quoting_and_formula_guard()
    {
        var tricky = Snapshot(At("2026-01-05T09:00:00Z"), visitors: 1234.5m) with { ActivityTitle = "Say \"hi\", then\nlisten", Target = "=SUM(A1)" };
        var plain = Snapshot(At("2026-01-12T09:00:00Z"), visitors: 2000) with { Metrics = ImmutableDictionary<string, decimal>.Empty.Add("nps", -5) };

        var csv = HistoryCsv.Write([tricky, plain]);
        var lines = csv.Split("\r\n");

        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        Assert.Equal(
            "recorded_at_utc,source,bottleneck,optimisation,activity_id,activity,metric_to_watch,target,awareness,engagement,conversion,adoption,advocacy,monthly_visitors,nps",
            lines[0]);
        Assert.Equal("2026-01-05T09:00:00Z,check-in,awareness,false,pr,\"Say \"\"hi\"\", then\nlisten\",monthly_visitors,'=SUM(A1),weak,unknown,,,,1234.5,", lines[1]);
        Assert.Equal("2026-01-12T09:00:00Z,check-in,awareness,false,pr,Grow awareness,monthly_visitors,more,weak,unknown,,,,,-5", lines[2]);
        Assert.Equal(4, lines.Length); // header, two rows, empty after the final CRLF
    }

    [Fact]
    public async Task History_and_export_commands_answer_from_stored_snapshots()
    {
        var h = new CheckInHarness(Start);
        h.KnowTeam(("monthly_visitors", 700));
        for (var week = 0; week < 10; week++)
        {
            h.Clock.SetUtcNow(Start.AddDays(7 * week));
            await h.SayAsync("check in every monday at 9"); // idempotent re-subscribe
            h.KnowTeam(("monthly_visitors", 100 + (50 * week)));
            var profile = (await h.Profiles.GetAsync(CheckInHarness.Key, default))!;
            await h.Recorder.RecordAsync(CheckInHarness.Key, h.Advice.Diagnose(profile.ToDiagnosisInput()), "check-in", h.Clock.GetUtcNow(), default);
        }

        var trend = Assert.IsType<CheckInHistoryView>((await h.SayAsync("trend"))!.Replies.Single());
        Assert.Equal(10, trend.SnapshotCount);
        Assert.Equal(8, trend.MetricValues.Count(v => v.HasValue));
        Assert.Equal(550m, trend.MetricValues[^1]);
        Assert.Equal(200m, trend.MetricValues[0]);

        var export = Assert.IsType<CheckInExportView>((await h.SayAsync("export"))!.Replies.Single());
        Assert.Equal(10, export.Rows);
        Assert.Equal(11, export.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("flywheel-history-", export.FileName, StringComparison.Ordinal);
        Assert.EndsWith(".csv", export.FileName, StringComparison.Ordinal);
        Assert.EndsWith(",100", export.Csv.Split("\r\n")[1], StringComparison.Ordinal); // oldest first
    }

    [Fact]
    public async Task A_long_history_exports_the_newest_rows_that_fit_in_one_message()
    {
        var h = new CheckInHarness(Start);
        for (var i = 0; i < 400; i++)
        {
            await h.History.AddAsync(CheckInHarness.Key, Snapshot(Start.AddDays(i), visitors: i), null, default);
        }

        var export = await new HistoryService(h.History, h.Advice, h.Clock).ExportAsync(CheckInHarness.Key, default);

        Assert.True(export.Truncated);
        Assert.InRange(export.Csv.Length, 1000, HistoryService.MaxCsvChars);
        Assert.InRange(export.Rows, 50, 399);
        var lastRow = export.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.EndsWith(",399", lastRow, StringComparison.Ordinal); // the newest row is kept
        var card = FlywheelBot.Tests.Channels.BotFramework.Cards.CardCorpus.Renderer.Render(export);
        Assert.True(CheckInTextBuilder.TryRender(export, out var text));
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString()) + System.Text.Encoding.UTF8.GetByteCount(text), 0, 40_000);
    }

    [Fact]
    public async Task With_served_files_the_whole_history_is_a_csv_file_behind_a_link()
    {
        var h = new CheckInHarness(Start);
        for (var i = 0; i < 400; i++)
        {
            await h.History.AddAsync(CheckInHarness.Key, Snapshot(Start.AddDays(i), visitors: i), null, default);
        }

        var files = new MemoryServedFiles();
        var options = Microsoft.Extensions.Options.Options.Create(new CheckInOptions { ExportLinkLifetime = TimeSpan.FromHours(6) });
        var export = await new HistoryService(h.History, h.Advice, h.Clock, files, null, options).ExportAsync(CheckInHarness.Key, default);

        Assert.False(export.Truncated);
        Assert.Equal(400, export.Rows);
        var (content, type, name, lifetime) = Assert.Single(files.Published);
        Assert.Equal(export.Link, new Uri($"https://bot.example/api/files/{name}"));
        Assert.Equal("text/csv; charset=utf-8", type);
        Assert.Equal(TimeSpan.FromHours(6), lifetime);
        var csv = System.Text.Encoding.UTF8.GetString(content);
        Assert.Equal(401, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith(",0", csv.Split("\r\n")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trend_carries_a_chart_the_healthy_line_as_target_and_the_momentum()
    {
        var h = new CheckInHarness(Start);
        var advice = new EngineCheckInAdvice(FlywheelBot.Tests.Flywheel.Given.Engine);
        for (var week = 0; week < 4; week++)
        {
            h.Clock.SetUtcNow(Start.AddDays(7 * week));
            h.KnowTeam(("monthly_visitors", 100 + (50 * week)));
            var profile = (await h.Profiles.GetAsync(CheckInHarness.Key, default))!;
            await h.Recorder.RecordAsync(CheckInHarness.Key, advice.Diagnose(profile.ToDiagnosisInput()), "check-in", h.Clock.GetUtcNow(), default);
        }

        var trend = await new HistoryService(h.History, advice, h.Clock, null, h.Profiles).TrendAsync(CheckInHarness.Key, "UTC", default);

        Assert.Equal("monthly_visitors", trend.MetricToWatch!.Id);
        Assert.NotNull(trend.Chart);
        Assert.False(trend.LowerIsBetter);
        Assert.Equal(FlywheelBot.Tests.Flywheel.Given.Playbook.Metric("monthly_visitors").ThresholdFor(Audience.Sdm)!.Healthy, trend.Target);
        Assert.StartsWith("The wheel is gaining momentum: ", trend.Momentum, StringComparison.Ordinal);
        Assert.Contains("3 weeks in a row", trend.Momentum, StringComparison.Ordinal);
    }

    private static string? Text(CheckInHistoryView view) => CheckInTextBuilder.TryRender(view, out var text) ? text : null;

    private static HistorySnapshot Snapshot(
        DateTimeOffset at, decimal visitors, StageStatus awareness = StageStatus.Weak, string bottleneck = "awareness") =>
        new(at, "check-in",
            ImmutableDictionary<string, decimal>.Empty.Add("monthly_visitors", visitors),
            ImmutableDictionary<string, string>.Empty.Add("awareness", FlywheelIds.Of(awareness)).Add("engagement", "unknown"),
            bottleneck, false, "pr", "Grow awareness", "monthly_visitors", "more");

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
