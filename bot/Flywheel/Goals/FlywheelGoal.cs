namespace FlywheelBot.Flywheel.Goals;

/// <summary>
/// A flywheel's single measurable goal (the flywheel-effect article: "a marketing flywheel keeps the tactics focused
/// on a single measurable goal"): a metric id, the value to reach and the date to reach it by.
/// <see cref="Baseline"/> is the metric's value when the goal was set (null when unknown), the start of the progress bar.
/// </summary>
public sealed record FlywheelGoal(string MetricId, decimal Target, DateOnly By, decimal? Baseline = null);
