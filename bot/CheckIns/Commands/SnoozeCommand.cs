namespace FlywheelBot.CheckIns.Commands;

/// <summary>Snooze by a number of days, or until a weekday (at the subscription's time).</summary>
internal sealed record SnoozeCommand(int Days, DayOfWeek? Until, bool IsExplicit = true) : CheckInCommand(IsExplicit);
