namespace FlywheelBot.CheckIns;

/// <summary>What a scheduler sends for a due subscription.</summary>
public enum CheckInDelivery
{
    CheckIn,
    Reminder,
}
