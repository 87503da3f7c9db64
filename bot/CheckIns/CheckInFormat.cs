using System.Globalization;

namespace FlywheelBot.CheckIns;

/// <summary>How schedules and times read in replies ("every Monday at 09:00 (Europe/Berlin)").</summary>
internal static class CheckInFormat
{
    public static string Schedule(WeeklySchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return string.Create(CultureInfo.InvariantCulture, $"every {schedule.Day} at {schedule.Time:HH\\:mm} ({schedule.TimeZoneId})");
    }

    public static string LocalTime(DateTime local, string timeZoneId) =>
        string.Create(CultureInfo.InvariantCulture, $"{local:ddd d MMM yyyy, HH:mm} ({timeZoneId})");

    public static string Instant(DateTimeOffset instant, string timeZoneId) => LocalTime(WeeklyCalendar.ToLocal(instant, timeZoneId), timeZoneId);
}
