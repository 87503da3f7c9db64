namespace FlywheelBot.CheckIns;

/// <summary>Whether a subscription sends check-ins.</summary>
public enum CheckInState
{
    Active,
    Paused,
}
