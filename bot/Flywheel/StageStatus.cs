namespace FlywheelBot.Flywheel;

/// <summary>A stage's health as decided by the evidence.</summary>
public enum StageStatus
{
    /// <summary>No metric that decides the stage was reported.</summary>
    Unknown,
    Weak,
    Healthy,
}
