using System.Text;
using FlywheelBot.CheckIns.History;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.CheckIns.Views;

/// <summary>Plain-text forms of the check-in views (terminals, clients without cards, card fallback text).</summary>
internal static class CheckInTextBuilder
{
    public const string Legend = "✓ healthy, ! watch, ✗ weak, ? unknown, · no snapshot";

    public static bool TryRender(ViewModel view, out string text)
    {
        text = view switch
        {
            CheckInPromptView v => Prompt(v),
            CheckInStatusView v => Status(v),
            CheckInSetupView v =>
                $"Weekly check-in: say \"check in every {v.Day} at {v.Time:HH\\:mm}\" to start (time zone: {v.TimeZoneId}, {v.TimeZoneSource}; add another IANA zone to change it).",
            CheckInResultView v => Result(v),
            CheckInHistoryView v => HistoryText(v),
            CheckInExportView { Link: { } link } v => $"History export ({v.FileName}, {v.Rows} rows): {link.AbsoluteUri}",
            CheckInExportView v => $"History export ({v.FileName}, {v.Rows} rows{(v.Truncated ? ", oldest rows missing" : string.Empty)}):\n{v.Csv}",
            CheckInNoticeView v => v.Text,
            _ => null!,
        };
        return text is not null;
    }

    /// <summary>
    /// One symbol per week. None of them is Markdown ("+", "-" and "*" at the start of a line render as a bullet in Teams),
    /// so the strip renders as written in cards and in plain text.
    /// </summary>
    public static string StatusRow(StageTrend stage) =>
        string.Join(' ', stage.Weeks.Select(s => s is { } status ? FlywheelIds.Of(status) switch
        {
            "healthy" => "✓",
            "watch" => "!",
            "weak" => "✗",
            _ => "?",
        } : "·"));

    /// <summary>The values week by week, "—" for a week without one (not "-", which Markdown reads as a bullet).</summary>
    public static string ValuesRow(IEnumerable<decimal?> values) =>
        string.Join(" · ", values.Select(v => v is { } x ? SnapshotDiff.Number(x) : "—"));

    private static string Prompt(CheckInPromptView v)
    {
        var text = new StringBuilder()
            .Append(v.IsReminder ? "Reminder: this week's check-in" : "Weekly check-in")
            .Append($" (week {v.Period}, {v.TimeZoneId}).\n");
        if (v.Fields.Length == 0)
        {
            return text.Append("I don't know your team yet. Say \"hi\" and answer a few questions first.").ToString();
        }

        text.Append("This week's numbers, please:\n");
        foreach (var f in v.Fields)
        {
            text.Append($"- {f.Label}{(f.Unit.Length > 0 ? $" ({f.Unit})" : string.Empty)}")
                .Append(f.LastValue is { } last ? $", last: {SnapshotDiff.Number(last)}" : string.Empty)
                .Append('\n');
        }

        var example = string.Join(", ", v.Fields.Take(2).Select(f => $"{f.MetricId} {(f.LastValue is { } l ? SnapshotDiff.Number(l) : "100")}"));
        return text.Append($"Reply like \"{example}\". Or say \"snooze\" or \"pause check-ins\".").ToString();
    }

    private static string Status(CheckInStatusView v)
    {
        var text = new StringBuilder(v.Headline);
        if (v.Schedule is { } s)
        {
            text.Append($"\nSchedule: {CheckInFormat.Schedule(s)}\nState: {(v.State == CheckInState.Active ? "active" : "paused")}");
            if (v.NextDueLocal is { } next)
            {
                text.Append($"\nNext check-in: {CheckInFormat.LocalTime(next, s.TimeZoneId)}");
            }

            if (v.PauseReason is { } reason)
            {
                text.Append($"\nPaused because {reason}.");
            }

            if (v.AwaitingAnswer)
            {
                text.Append("\nThe last check-in is waiting for your numbers.");
            }
        }

        return text.ToString();
    }

    private static string Result(CheckInResultView v)
    {
        var r = v.Recommendation;
        var text = new StringBuilder("Check-in saved. What changed: ")
            .Append(string.Join("; ", v.Changes)).Append(".\n")
            .Append(string.Concat(v.Notes.Select(n => n + "\n")))
            .Append(v.IsOptimisation ? "Weakest stage (an optimisation, not a fire): " : "Bottleneck: ").Append(FlywheelIds.Of(v.Bottleneck)).Append('\n')
            .Append($"Next: {r.Title}. {r.Why}\nFirst step: {r.FirstStep}\nMetric to watch: {r.MetricToWatch} (target {r.Target}, review in {r.ReviewInDays} days)");
        if (v.StopDoing.Length > 0)
        {
            text.Append("\nStop doing: ").Append(string.Join("; ", v.StopDoing.Select(s => $"{s.ActivityId} ({s.Why})")));
        }

        return text.ToString();
    }

    private static string HistoryText(CheckInHistoryView v)
    {
        if (v.SnapshotCount == 0)
        {
            return "No history yet. Every interview and check-in adds a dated snapshot.";
        }

        var text = new StringBuilder($"Last {v.WeekLabels.Length} weeks ({v.WeekLabels[0]} to {v.WeekLabels[^1]}, {v.TimeZoneId}); {Legend}:\n");
        var width = v.Stages.Max(s => FlywheelIds.Of(s.Stage).Length);
        foreach (var stage in v.Stages)
        {
            text.Append(FlywheelIds.Of(stage.Stage).PadRight(width)).Append("  ").Append(StatusRow(stage)).Append('\n');
        }

        if (v.MetricToWatch is { } metric)
        {
            text.Append($"Metric to watch, {metric.Label}: {ValuesRow(v.MetricValues)}");
        }

        if (v.Momentum is { } momentum)
        {
            text.Append('\n').Append(momentum);
        }

        return text.ToString().TrimEnd('\n');
    }
}
