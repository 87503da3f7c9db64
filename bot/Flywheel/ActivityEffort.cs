namespace FlywheelBot.Flywheel;

/// <summary>Rough effort of an activity. Playbook ids: <c>low</c>, <c>medium</c>, <c>high</c>.</summary>
public enum ActivityEffort
{
    Low,
    Medium,
    High,
}
