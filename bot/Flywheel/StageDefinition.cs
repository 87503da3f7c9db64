namespace FlywheelBot.Flywheel;

/// <summary>A flywheel stage as the playbook describes it to people.</summary>
public sealed record StageDefinition(StageId Id, string Title, string Summary);
