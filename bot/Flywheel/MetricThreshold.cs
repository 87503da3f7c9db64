namespace FlywheelBot.Flywheel;

/// <summary>
/// One audience's lines for a metric. A value worse than <see cref="Weak"/> makes the stage weak; a value at or better
/// than <see cref="Healthy"/> meets the benchmark. <see cref="Ask"/> marks metrics an interview should ask for.
/// <see cref="Source"/> names the benchmark or says the line is the project's own judgement. <see cref="Label"/> and
/// <see cref="Question"/>, when set, replace the metric's own words for this audience (end users sign up or start a
/// trial rather than become "leads").
/// </summary>
public sealed record MetricThreshold(decimal Weak, decimal Healthy, bool Ask, string Source)
{
    public string? Label { get; init; }

    public string? Question { get; init; }
}
