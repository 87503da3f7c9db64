namespace FlywheelBot.CheckIns.Commands;

/// <summary>Change any of day, time and zone; what is null stays as it is.</summary>
internal sealed record RescheduleCommand(DayOfWeek? Day, TimeOnly? Time, string? TimeZone) : CheckInCommand;
