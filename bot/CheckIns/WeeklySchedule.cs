namespace FlywheelBot.CheckIns;

/// <summary>When a weekly check-in happens: a weekday and a wall-clock time in an IANA time zone.</summary>
public sealed record WeeklySchedule(DayOfWeek Day, TimeOnly Time, string TimeZoneId);
