using System.Globalization;

namespace FlywheelBot.CheckIns;

/// <summary>
/// Pure weekly-schedule arithmetic in a time zone. Wall-clock times are kept across daylight-saving changes
/// (09:00 stays 09:00 local). A local time inside a spring-forward gap is shifted forward by the gap's length
/// (02:30 becomes 03:30); an ambiguous fall-back time resolves to its first occurrence (the daylight-time instant).
/// </summary>
internal static class WeeklyCalendar
{
    /// <summary>The first occurrence of the schedule strictly after <paramref name="after"/>, as a UTC instant.</summary>
    public static DateTimeOffset NextOccurrence(WeeklySchedule schedule, DateTimeOffset after)
    {
        var zone = TimeZones.Find(schedule.TimeZoneId);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        var date = localDate.AddDays(-1);
        for (var i = 0; i < 16; i++, date = date.AddDays(1))
        {
            if (date.DayOfWeek != schedule.Day)
            {
                continue;
            }

            var candidate = ToInstant(date.ToDateTime(schedule.Time), zone);
            if (candidate > after)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No weekly occurrence found within two weeks.");
    }

    /// <summary>The latest occurrence at or before <paramref name="atOrBefore"/>.</summary>
    public static DateTimeOffset PreviousOccurrence(WeeklySchedule schedule, DateTimeOffset atOrBefore)
    {
        // Occurrences are about a week apart, so one lies within the eight days before the limit.
        var latest = NextOccurrence(schedule, atOrBefore.AddDays(-8));
        for (var next = NextOccurrence(schedule, latest); next <= atOrBefore; next = NextOccurrence(schedule, next))
        {
            latest = next;
        }

        return latest;
    }

    /// <summary>The next instant a given weekday at the schedule's time occurs strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextOn(WeeklySchedule schedule, DayOfWeek day, DateTimeOffset after) =>
        NextOccurrence(schedule with { Day = day }, after);

    /// <summary>
    /// The period an occurrence belongs to: the ISO week of its local date (<c>2026-W13</c>).
    /// A subscription sends at most one check-in per period.
    /// </summary>
    public static string PeriodOf(DateTimeOffset occurrence, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(occurrence, TimeZones.Find(timeZoneId)).DateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local):D4}-W{ISOWeek.GetWeekOfYear(local):D2}");
    }

    /// <summary>Maps a wall-clock time in a zone to a UTC instant (gap: shifted forward; overlap: first occurrence).</summary>
    public static DateTimeOffset ToInstant(DateTime localWallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(localWallClock, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // The offset in force before the gap; reading the wall clock with it lands after the gap by its length.
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>The wall-clock time of an instant in a zone.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(instant, TimeZones.Find(timeZoneId)).DateTime;
}
