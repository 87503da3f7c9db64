namespace FlywheelBot.CheckIns;

/// <summary>A metric a check-in asks for: playbook id, label and unit ("%", "per month", ...).</summary>
public sealed record CheckInMetric(string Id, string Label, string Unit);
