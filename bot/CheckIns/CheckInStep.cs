namespace FlywheelBot.CheckIns;

/// <summary>What is due for a subscription right now, for which period.</summary>
public sealed record CheckInStep(CheckInStepKind Kind, string Period);

/// <summary>Send the check-in, send its one reminder, or move on without sending (the period was already sent).</summary>
public enum CheckInStepKind
{
    SendCheckIn,
    SendReminder,
    AdvanceWithoutSending,
}
