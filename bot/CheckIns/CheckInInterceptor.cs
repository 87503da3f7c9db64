using System.Collections.Immutable;
using FlywheelBot.Advisor;
using FlywheelBot.CheckIns.Commands;
using FlywheelBot.CheckIns.History;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Conversations;
using FlywheelBot.Views;
using Microsoft.Extensions.Options;

namespace FlywheelBot.CheckIns;

/// <summary>
/// Claims check-in turns before the advisor: subscribe, pause, resume, skip next, snooze, change time, stop, status,
/// history/trend, export and check-in answers. Bare words ("pause", "snooze", "skip next") and typed metric answers
/// are only claimed when they can only be meant for check-ins (a subscription exists / a check-in awaits its answer).
/// </summary>
internal sealed partial class CheckInInterceptor(
    CheckInRepository repository,
    CheckInAnswerHandler answers,
    HistoryService history,
    IOptions<CheckInOptions> options,
    TimeProvider clock,
    ILogger<CheckInInterceptor> logger) : ITurnInterceptor
{
    private const string NoSubscription =
        "There is no weekly check-in here yet. Say \"check in every Monday at 9\" (optionally with a time zone such as Europe/Berlin).";

    public async Task<TurnOutput?> TryHandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var command = CheckInCommandParser.Parse(turn);
        if (command is null)
        {
            return null;
        }

        var current = (await repository.GetAsync(turn.ConversationKey, cancellationToken)).Value;
        if (!command.Explicit && !IsMeantForCheckIns(command, current))
        {
            return null;
        }

        ViewModel? view;
        if (command is AnswerCommand answer)
        {
            var resolved = answers.Resolve(answer.Values);
            if (resolved is null)
            {
                if (!answer.FromCard)
                {
                    return null; // not all names are metrics: not a check-in answer
                }

                view = new CheckInNoticeView("Some of the values did not match a metric I know; nothing was saved.");
            }
            else
            {
                view = await answers.HandleAsync(turn.ConversationKey, resolved.Value, cancellationToken, current?.Schedule.TimeZoneId ?? DefaultZone(turn).Zone);
                if (view is CheckInResultView)
                {
                    await repository.UpdateAsync(turn.ConversationKey, s => s is null ? null : CheckInPlanner.Answered(s), cancellationToken);
                }
            }
        }
        else
        {
            view = await HandleCommandAsync(turn, command, current, cancellationToken);
        }

        LogHandled(command.GetType().Name);
        return turn.Kind == TurnKind.AnswerInPlace ? new TurnOutput(ImmutableArray<ViewModel>.Empty, view) : TurnOutput.Of(view);
    }

    private async Task<ViewModel> HandleCommandAsync(InboundTurn turn, CheckInCommand command, CheckInSubscription? current, CancellationToken ct)
    {
        var key = turn.ConversationKey;
        var now = clock.GetUtcNow();
        switch (command)
        {
            case SetupCommand when current is not null:
                return Status("Your weekly check-in:", current);
            case SetupCommand:
            {
                var (zone, source) = DefaultZone(turn);
                return new CheckInSetupView(DayOfWeek.Monday, new TimeOnly(9, 0), zone, source);
            }

            case SubscribeCommand subscribe:
            {
                if (!TryZone(subscribe.TimeZone, turn, out var zone, out var problem))
                {
                    return problem;
                }

                var schedule = new WeeklySchedule(subscribe.Day, subscribe.Time, zone);
                var stored = await repository.UpdateAsync(
                    key,
                    s => s is null
                        ? CheckInPlanner.Create(key, schedule, now)
                        : CheckInPlanner.Resume(CheckInPlanner.Reschedule(s, schedule, now), now),
                    ct);
                return Status($"Weekly check-in set: {CheckInFormat.Schedule(schedule)}.", stored!);
            }

            case RescheduleCommand change when current is not null:
            {
                if (!TryZone(change.TimeZone ?? current.Schedule.TimeZoneId, turn, out var zone, out var problem))
                {
                    return problem;
                }

                var schedule = new WeeklySchedule(change.Day ?? current.Schedule.Day, change.Time ?? current.Schedule.Time, zone);
                var stored = await repository.UpdateAsync(key, s => s is null ? null : CheckInPlanner.Reschedule(s, schedule, now), ct);
                return stored is null ? new CheckInNoticeView(NoSubscription) : Status($"Check-in moved: {CheckInFormat.Schedule(schedule)}.", stored);
            }

            case SnoozeCommand snooze when current is not null:
            {
                var stored = await repository.UpdateAsync(key, s => s is null ? null : CheckInPlanner.Snooze(s, SnoozeTarget(s, snooze, now)), ct);
                if (stored is null)
                {
                    return new CheckInNoticeView(NoSubscription);
                }

                var zone = stored.Schedule.TimeZoneId;
                return stored.Pending is { Reminded: false } p && current.Pending is { } before && p.RemindAt != before.RemindAt
                    ? Status($"Snoozed: I'll ask for this week's numbers again on {CheckInFormat.Instant(p.RemindAt, zone)}.", stored)
                    : Status($"Next check-in snoozed to {CheckInFormat.Instant(stored.NextAt, zone)}.", stored);
            }

            case SimpleCommand simple:
                return await HandleSimpleAsync(turn, simple.Kind, current, now, ct);

            default:
                return new CheckInNoticeView(NoSubscription);
        }
    }

    private async Task<ViewModel> HandleSimpleAsync(InboundTurn turn, SimpleCommandKind kind, CheckInSubscription? current, DateTimeOffset now, CancellationToken ct)
    {
        var key = turn.ConversationKey;
        switch (kind)
        {
            case SimpleCommandKind.History:
                return await history.TrendAsync(key, current?.Schedule.TimeZoneId ?? DefaultZone(turn).Zone, ct);
            case SimpleCommandKind.Export:
                return await history.ExportAsync(key, ct);
            case SimpleCommandKind.Stop:
                return await repository.DeleteAsync(key, ct)
                    ? new CheckInNoticeView("Weekly check-ins stopped. Your history stays (\"history\", \"export\"); say \"check in every Monday at 9\" to start again.")
                    : new CheckInNoticeView(NoSubscription);
        }

        if (current is null)
        {
            return new CheckInNoticeView(NoSubscription);
        }

        var (update, headline) = kind switch
        {
            SimpleCommandKind.Pause => ((Func<CheckInSubscription, CheckInSubscription>)(s => CheckInPlanner.Pause(s, "paused by the team")),
                "Check-ins paused. Say \"resume check-ins\" to start again."),
            SimpleCommandKind.Resume => (s => CheckInPlanner.Resume(s, now), "Check-ins resumed."),
            SimpleCommandKind.SkipNext => (CheckInPlanner.SkipNext, "Skipped the next check-in."),
            _ => (s => s, "Your weekly check-in:"),
        };
        var stored = await repository.UpdateAsync(key, s => s is null ? null : update(s), ct);
        return stored is null ? new CheckInNoticeView(NoSubscription) : Status(headline, stored);
    }

    /// <summary>
    /// Bare words are ours only when they can mean nothing else here: a subscription exists, "resume" only while it
    /// is paused (the advisor's "resume" continues an interview), metric answers only while a check-in awaits them.
    /// </summary>
    private static bool IsMeantForCheckIns(CheckInCommand command, CheckInSubscription? current) => command switch
    {
        _ when current is null => false,
        AnswerCommand => current.Pending is not null,
        SimpleCommand { Kind: SimpleCommandKind.Resume } => current.State == CheckInState.Paused,
        _ => true,
    };

    private static DateTimeOffset SnoozeTarget(CheckInSubscription s, SnoozeCommand snooze, DateTimeOffset now)
    {
        if (CheckInPlanner.CanRemindAgain(s))
        {
            var again = snooze.Until is { } day ? WeeklyCalendar.NextOn(s.Schedule, day, now) : now.AddDays(snooze.Days);
            if (again < s.NextAt)
            {
                return again;
            }
        }

        var from = s.NextAt > now ? s.NextAt : now;
        return snooze.Until is { } until
            ? WeeklyCalendar.NextOn(s.Schedule, until, from)
            : WeeklyCalendar.ToInstant(WeeklyCalendar.ToLocal(from, s.Schedule.TimeZoneId).AddDays(snooze.Days), TimeZones.Find(s.Schedule.TimeZoneId));
    }

    private static CheckInStatusView Status(string headline, CheckInSubscription s) =>
        new(headline, s.Schedule, s.State, s.State == CheckInState.Active ? WeeklyCalendar.ToLocal(s.NextAt, s.Schedule.TimeZoneId) : null,
            s.PauseReason, s.Pending is not null);

    private (string Zone, string Source) DefaultZone(InboundTurn turn)
    {
        if (TimeZones.TryResolve(turn.TimeZone, out var fromChannel, out _))
        {
            return (fromChannel, "as your chat app reports it");
        }

        var configured = options.Value.DefaultTimeZone;
        return TimeZones.TryResolve(configured, out var fromSetting, out _)
            ? (fromSetting, "the bot's default time zone")
            : ("UTC", "default; add a zone such as Europe/Berlin to change it");
    }

    private bool TryZone(string? requested, InboundTurn turn, out string zone, out ViewModel problem)
    {
        problem = null!;
        if (requested is null)
        {
            zone = DefaultZone(turn).Zone;
            return true;
        }

        if (TimeZones.TryResolve(requested, out var iana, out _))
        {
            zone = iana;
            return true;
        }

        zone = string.Empty;
        problem = new CheckInNoticeView($"I don't know the time zone \"{requested}\". Use an IANA name such as Europe/Berlin, America/New_York or UTC.");
        return false;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Check-in command {Command} handled.")]
    private partial void LogHandled(string command);
}
