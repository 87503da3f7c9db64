using FlywheelBot.Views;

namespace FlywheelBot.CheckIns.Views;

/// <summary>
/// A subscription's state after a command or on "check-in status": the schedule, the zone used, and the next due
/// time as wall-clock time in that zone. <see cref="Schedule"/> is null when the conversation has no check-in.
/// </summary>
public sealed record CheckInStatusView(
    string Headline,
    WeeklySchedule? Schedule,
    CheckInState State,
    DateTime? NextDueLocal,
    string? PauseReason,
    bool AwaitingAnswer) : ViewModel;
