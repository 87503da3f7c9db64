using FlywheelBot.Views;

namespace FlywheelBot.CheckIns.Views;

/// <summary>The set-up card: pick day, time and zone (pre-filled with the zone that would be used and where it came from).</summary>
public sealed record CheckInSetupView(DayOfWeek Day, TimeOnly Time, string TimeZoneId, string TimeZoneSource) : ViewModel;
