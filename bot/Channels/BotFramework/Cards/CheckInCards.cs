using System.Collections.Immutable;
using System.Globalization;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.Commands;
using FlywheelBot.CheckIns.History;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>
/// The Adaptive Card bodies of the check-in views (the check-ins feature defines the view models, this channel draws
/// them), in the typed card model: user text is only ever a property value. <see cref="AdaptiveCardRenderer"/> wraps
/// them with <see cref="CheckInViewActions"/> as buttons and the check-in text as fallback.
/// </summary>
internal static class CheckInCards
{
    public static ImmutableArray<CardElement>? Body(ViewModel view) => view switch
    {
        CheckInPromptView v => Prompt(v),
        CheckInStatusView v => Status(v),
        CheckInSetupView v => Setup(v),
        CheckInResultView v => Result(v),
        CheckInHistoryView v => HistoryBody(v),
        CheckInExportView v => Export(v),
        CheckInNoticeView v => [Blocks.Body(v.Text)],
        _ => null,
    };

    private static ImmutableArray<CardElement> Prompt(CheckInPromptView v)
    {
        var body = ImmutableArray.CreateBuilder<CardElement>();
        body.Add(Blocks.Heading(v.IsReminder ? "Reminder: this week's check-in" : "Weekly check-in"));
        body.Add(Blocks.Subtle($"Week {v.Period} ({v.TimeZoneId}). How did this week go? Your numbers keep the advice current."));
        if (v.Fields.Length == 0)
        {
            body.Add(Blocks.Body("I don't know your team yet. Say \"hi\" and answer a few questions first."));
            return body.ToImmutable();
        }

        foreach (var field in v.Fields)
        {
            body.Add(new NumberInput
            {
                Id = CheckInCommandParser.MetricInputPrefix + field.MetricId,
                Label = field.Unit.Length > 0 ? $"{field.Label} ({field.Unit})" : field.Label,
                Placeholder = field.LastValue is { } last ? $"last: {SnapshotDiff.Number(last)}" : null,
            });
        }

        body.Add(Blocks.Subtle("Or type them, e.g. \"visitors 5400, nps 20\"."));
        return body.ToImmutable();
    }

    private static ImmutableArray<CardElement> Status(CheckInStatusView v)
    {
        if (v.Schedule is not { } schedule)
        {
            return [Blocks.Body(v.Headline)];
        }

        var facts = ImmutableArray.CreateBuilder<Fact>();
        facts.Add(new Fact("Schedule", CheckInFormat.Schedule(schedule)));
        facts.Add(new Fact("Time zone", schedule.TimeZoneId));
        facts.Add(new Fact("State", v.State == CheckInState.Active ? "active" : "paused"));
        if (v.NextDueLocal is { } next)
        {
            facts.Add(new Fact("Next check-in", CheckInFormat.LocalTime(next, schedule.TimeZoneId)));
        }

        if (v.PauseReason is { } reason)
        {
            facts.Add(new Fact("Paused because", reason));
        }

        if (v.AwaitingAnswer)
        {
            facts.Add(new Fact("Last check-in", "waiting for your numbers"));
        }

        return [Blocks.Heading(v.Headline), new FactSet(facts.ToImmutable())];
    }

    private static ImmutableArray<CardElement> Setup(CheckInSetupView v) =>
    [
        Blocks.Heading("Weekly check-in"),
        Blocks.Body("Once a week I'll ask for your numbers and tell you whether the wheel is turning."),
        new ChoiceSetInput([.. Week.Select(d => new Choice(d.ToString(), d.ToString().ToLowerInvariant()))])
        {
            Id = "day",
            Label = "Day",
            Value = v.Day.ToString().ToLowerInvariant(),
        },
        new TimeInput { Id = "time", Label = "Time", Value = v.Time.ToString("HH:mm", CultureInfo.InvariantCulture) },
        new TextInput { Id = "zone", Label = "Time zone (IANA)", Value = v.TimeZoneId },
        Blocks.Subtle($"Time zone: {v.TimeZoneId} ({v.TimeZoneSource})."),
    ];

    private static ImmutableArray<CardElement> Result(CheckInResultView v)
    {
        var r = v.Recommendation;
        var body = ImmutableArray.CreateBuilder<CardElement>();
        body.Add(Blocks.Heading("Check-in saved"));
        body.Add(Blocks.Label("What changed"));
        body.AddRange(v.Changes.Select(Blocks.Bullet));
        body.AddRange(v.Notes.Select(n => (CardElement)Blocks.Body(n)));
        body.Add(Blocks.Label($"{(v.IsOptimisation ? "Weakest stage (an optimisation, not a fire)" : "Bottleneck")}: {FlywheelIds.Of(v.Bottleneck)}"));
        body.Add(Blocks.Label($"Next: {r.Title}"));
        body.Add(Blocks.Body(r.Why));
        body.Add(new FactSet(
        [
            new Fact("First step", r.FirstStep),
            new Fact("Metric to watch", r.MetricToWatch),
            new Fact("Target", r.Target),
            new Fact("Review in", $"{r.ReviewInDays} days"),
        ]));
        if (v.StopDoing.Length > 0)
        {
            body.Add(Blocks.Label("Stop doing"));
            body.AddRange(v.StopDoing.Select(s => Blocks.Bullet($"{s.ActivityId}: {s.Why}")));
        }

        return body.ToImmutable();
    }

    private static ImmutableArray<CardElement> HistoryBody(CheckInHistoryView v)
    {
        var body = ImmutableArray.CreateBuilder<CardElement>();
        body.Add(Blocks.Heading($"Last {v.WeekLabels.Length} weeks"));
        if (v.SnapshotCount == 0)
        {
            body.Add(Blocks.Body("No history yet. Every interview and check-in adds a dated snapshot."));
            return body.ToImmutable();
        }

        body.Add(Blocks.Subtle($"Weeks from {v.WeekLabels[0]} to {v.WeekLabels[^1]} ({v.TimeZoneId}). {CheckInTextBuilder.Legend}"));
        body.Add(new FactSet([.. v.Stages.Select(s => new Fact(FlywheelIds.Of(s.Stage), CheckInTextBuilder.StatusRow(s)))]));
        if (v.MetricToWatch is { } metric)
        {
            body.Add(Blocks.Label($"Metric to watch: {metric.Label}"));
            if (v.Picture() is { } chart)
            {
                body.Add(CardPictures.Of(chart));
            }

            body.Add(Blocks.Subtle(CheckInTextBuilder.ValuesRow(v.MetricValues)));
        }

        if (v.Momentum is { } momentum)
        {
            body.Add(Blocks.Body(momentum));
        }

        return body.ToImmutable();
    }

    private static ImmutableArray<CardElement> Export(CheckInExportView v)
    {
        if (v.Link is { } link)
        {
            var expires = v.LinkExpiresAt is { } at ? $" The link works until {at.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC." : string.Empty;
            return
            [
                Blocks.Heading($"History export: {v.Rows} rows"),
                Blocks.Body($"[Download {v.FileName}]({link.AbsoluteUri})"),
                Blocks.Subtle($"CSV, one row per snapshot; opens in any spreadsheet.{expires}"),
            ];
        }

        var note = v.Truncated ? " (the newest rows that fit in a message; older rows are missing)" : string.Empty;
        return
        [
            Blocks.Heading($"History export: {v.Rows} rows{note}"),
            Blocks.Subtle($"CSV ({v.FileName}); copy it into a spreadsheet."),
            new TextBlock(v.Csv) { FontType = FontType.Monospace, Size = TextSize.Small },
        ];
    }

    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}
