namespace FlywheelBot.CheckIns.Views;

/// <summary>One metric the check-in asks for, with the last reported value (if any) as a hint.</summary>
public sealed record CheckInPromptField(string MetricId, string Label, string Unit, decimal? LastValue);
