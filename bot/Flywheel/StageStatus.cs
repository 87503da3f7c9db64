namespace FlywheelBot.Flywheel;

/// <summary>A stage's health as decided by the evidence.</summary>
public enum StageStatus
{
    /// <summary>No metric that decides the stage was reported.</summary>
    Unknown,
    /// <summary>At least one deciding metric is below its weak line (or the market is new, for awareness).</summary>
    Weak,

    /// <summary>Every reported metric meets its healthy benchmark.</summary>
    Healthy,

    /// <summary>Nothing is weak, but at least one reported metric sits between the weak line and the healthy benchmark.</summary>
    Watch,
}
