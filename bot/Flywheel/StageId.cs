namespace FlywheelBot.Flywheel;

/// <summary>The five flywheel stages, in flywheel order (advocacy feeds awareness again).</summary>
public enum StageId
{
    Awareness,
    Engagement,
    Conversion,
    Adoption,
    Advocacy,
}
