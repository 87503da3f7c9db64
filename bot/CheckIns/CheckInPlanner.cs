namespace FlywheelBot.CheckIns;

/// <summary>
/// The pure rules of a subscription's life: what is due, and each transition (claim, sent, gone, retry, the
/// user's commands). No clock, no I/O; every method returns a new record.
/// </summary>
internal static class CheckInPlanner
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    public static CheckInSubscription Create(string conversationKey, WeeklySchedule schedule, DateTimeOffset now)
    {
        var next = WeeklyCalendar.NextOccurrence(schedule, now);
        return new CheckInSubscription(
            conversationKey, schedule, CheckInState.Active, null, next, WeeklyCalendar.PeriodOf(next, schedule.TimeZoneId),
            false, null, null, null, null, null, 0, now);
    }

    /// <summary>The indexed due time the store lists the subscription by; null while paused.</summary>
    public static DateTimeOffset? DueAt(CheckInSubscription sub)
    {
        if (sub.State != CheckInState.Active)
        {
            return null;
        }

        if (sub.Claim is { } claim)
        {
            return claim.Until;
        }

        var due = sub.NextAt;
        if (sub.Pending is { Reminded: false } pending && pending.RemindAt < due)
        {
            due = pending.RemindAt;
        }

        return sub.RetryAt is { } retry && retry > due ? retry : due;
    }

    /// <summary>What to do now, or null when nothing is due (paused, claimed by a live instance, or not yet time).</summary>
    public static CheckInStep? Decide(CheckInSubscription sub, DateTimeOffset now)
    {
        if (sub.State != CheckInState.Active || (sub.Claim is { } claim && claim.Until > now))
        {
            return null;
        }

        var due = DueAt(sub with { Claim = null });
        if (due is null || due > now)
        {
            return null;
        }

        if (sub.NextAt <= now)
        {
            var period = CurrentPeriod(sub, now);
            return period == sub.LastSentPeriod
                ? new CheckInStep(CheckInStepKind.AdvanceWithoutSending, period)
                : new CheckInStep(CheckInStepKind.SendCheckIn, period);
        }

        return sub.Pending is { Reminded: false } pending && pending.RemindAt <= now
            ? new CheckInStep(CheckInStepKind.SendReminder, pending.Period)
            : null;
    }

    public static CheckInSubscription ClaimFor(CheckInSubscription sub, CheckInStep step, string instanceId, DateTimeOffset until) =>
        sub with
        {
            Claim = new CheckInClaim(
                instanceId, until, step.Period, step.Kind == CheckInStepKind.SendReminder ? CheckInDelivery.Reminder : CheckInDelivery.CheckIn),
        };

    /// <summary>The check-in for <paramref name="period"/> went out: remember it, await the answer, schedule the next one.</summary>
    public static CheckInSubscription CheckInSent(CheckInSubscription sub, string period, DateTimeOffset now, TimeSpan reminderDelay) =>
        AdvanceAfter(
            sub with
            {
                LastSentPeriod = period,
                LastSentAt = now,
                Pending = new PendingCheckIn(period, now, now + reminderDelay, false),
                Claim = null,
                RetryAt = null,
                FailedAttempts = 0,
            },
            now);

    public static CheckInSubscription ReminderSent(CheckInSubscription sub) =>
        sub with { Pending = sub.Pending is { } p ? p with { Reminded = true } : null, Claim = null, RetryAt = null, FailedAttempts = 0 };

    /// <summary>The period was already sent (a stale schedule): move on without sending.</summary>
    public static CheckInSubscription Skipped(CheckInSubscription sub, DateTimeOffset now) =>
        AdvanceAfter(sub with { Claim = null, RetryAt = null, FailedAttempts = 0 }, now);

    /// <summary>The bot was removed or blocked: stop sending until someone resumes.</summary>
    public static CheckInSubscription Gone(CheckInSubscription sub, string reason) =>
        sub with { State = CheckInState.Paused, PauseReason = reason, Claim = null, RetryAt = null, FailedAttempts = 0 };

    /// <summary>A transient failure: release the claim and try again later with exponential backoff (1, 2, 4 ... 60 min).</summary>
    public static CheckInSubscription RetryLater(CheckInSubscription sub, DateTimeOffset now)
    {
        var attempts = sub.FailedAttempts + 1;
        var delay = TimeSpan.FromMinutes(Math.Pow(2, Math.Min(attempts - 1, 6)));
        return sub with { Claim = null, FailedAttempts = attempts, RetryAt = now + (delay < MaxBackoff ? delay : MaxBackoff) };
    }

    public static CheckInSubscription Answered(CheckInSubscription sub) => sub with { Pending = null };

    public static CheckInSubscription Pause(CheckInSubscription sub, string reason) =>
        sub with { State = CheckInState.Paused, PauseReason = reason, RetryAt = null, FailedAttempts = 0 };

    /// <summary>Resumes with the next regular occurrence (missed ones while paused are not sent).</summary>
    public static CheckInSubscription Resume(CheckInSubscription sub, DateTimeOffset now) =>
        AdvanceAfter(sub with { State = CheckInState.Active, PauseReason = null, RetryAt = null, FailedAttempts = 0 }, now);

    /// <summary>Skips the upcoming check-in: the next one is the regular occurrence after it.</summary>
    public static CheckInSubscription SkipNext(CheckInSubscription sub)
    {
        var next = WeeklyCalendar.NextOccurrence(sub.Schedule, sub.NextAt);
        while (WeeklyCalendar.PeriodOf(next, sub.Schedule.TimeZoneId) == sub.NextPeriod)
        {
            next = WeeklyCalendar.NextOccurrence(sub.Schedule, next);
        }

        return sub with { NextAt = next, NextPeriod = WeeklyCalendar.PeriodOf(next, sub.Schedule.TimeZoneId), NextSnoozed = false };
    }

    /// <summary>
    /// Snoozes to <paramref name="until"/>: an unanswered check-in whose reminder has not gone out yet is asked again
    /// then (that replaces its one reminder); otherwise the upcoming check-in moves there.
    /// </summary>
    public static CheckInSubscription Snooze(CheckInSubscription sub, DateTimeOffset until) =>
        CanRemindAgain(sub) && until < sub.NextAt
            ? sub with { Pending = sub.Pending! with { RemindAt = until } }
            : sub with { NextAt = until, NextSnoozed = true };

    /// <summary>True while a check-in awaits its answer and its one reminder is still to come.</summary>
    public static bool CanRemindAgain(CheckInSubscription sub) => sub.Pending is { Reminded: false };

    /// <summary>A new day/time/zone: the next check-in is the first occurrence after now in a period not yet sent.</summary>
    public static CheckInSubscription Reschedule(CheckInSubscription sub, WeeklySchedule schedule, DateTimeOffset now) =>
        AdvanceAfter(sub with { Schedule = schedule }, now);

    private static string CurrentPeriod(CheckInSubscription sub, DateTimeOffset now)
    {
        if (sub.NextSnoozed)
        {
            return sub.NextPeriod;
        }

        // Down for weeks: one check-in, for the latest missed occurrence.
        var latest = WeeklyCalendar.PreviousOccurrence(sub.Schedule, now);
        return latest > sub.NextAt ? WeeklyCalendar.PeriodOf(latest, sub.Schedule.TimeZoneId) : sub.NextPeriod;
    }

    private static CheckInSubscription AdvanceAfter(CheckInSubscription sub, DateTimeOffset now)
    {
        var next = WeeklyCalendar.NextOccurrence(sub.Schedule, now);
        while (WeeklyCalendar.PeriodOf(next, sub.Schedule.TimeZoneId) == sub.LastSentPeriod)
        {
            next = WeeklyCalendar.NextOccurrence(sub.Schedule, next);
        }

        return sub with { NextAt = next, NextPeriod = WeeklyCalendar.PeriodOf(next, sub.Schedule.TimeZoneId), NextSnoozed = false };
    }
}
