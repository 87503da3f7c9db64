namespace FlywheelBot.CheckIns.Commands;

/// <summary>Subscribe (or re-subscribe) to a weekly check-in; a null zone means the conversation's default.</summary>
internal sealed record SubscribeCommand(DayOfWeek Day, TimeOnly Time, string? TimeZone) : CheckInCommand;
