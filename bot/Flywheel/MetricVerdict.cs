namespace FlywheelBot.Flywheel;

/// <summary>
/// Judges one reported value against an audience's lines: weak (worse than the weak line), watch (from the weak line up
/// to, not including, the healthy benchmark) or healthy (at or better than the benchmark), and how far along from the
/// weak line to the healthy line it is (0 = weak line, 1 = healthy line).
/// </summary>
internal sealed record MetricVerdict(MetricDefinition Metric, MetricThreshold Lines, decimal Value)
{
    public bool IsWeak => Metric.Direction == MetricDirection.HigherIsBetter ? Value < Lines.Weak : Value > Lines.Weak;

    public bool MeetsBenchmark => Metric.Direction == MetricDirection.HigherIsBetter ? Value >= Lines.Healthy : Value <= Lines.Healthy;

    /// <summary>Distance along the weak-to-healthy band; below 0 is weak, 1 or more meets the benchmark.</summary>
    public decimal Score
    {
        get
        {
            var span = Math.Abs(Lines.Healthy - Lines.Weak);
            var gained = Metric.Direction == MetricDirection.HigherIsBetter ? Value - Lines.Weak : Lines.Weak - Value;
            if (span == 0)
            {
                return IsWeak ? -1 : 1;
            }

            return gained / span;
        }
    }

    public StageStatus Status => IsWeak ? StageStatus.Weak : MeetsBenchmark ? StageStatus.Healthy : StageStatus.Watch;

    /// <summary>The label for this audience (e.g. "New sign-ups or trials per month" for end users).</summary>
    public string Label => Lines.Label ?? Metric.Label;

    public string Sentence()
    {
        var value = MetricText.Value(Metric, Value);
        var weak = MetricText.Value(Metric, Lines.Weak);
        var healthy = MetricText.Value(Metric, Lines.Healthy);
        var higher = Metric.Direction == MetricDirection.HigherIsBetter;
        if (IsWeak)
        {
            return higher
                ? $"{Label}: {value} is below the weak line of {weak} (healthy from {healthy})."
                : $"{Label}: {value} is above the weak line of {weak} (healthy at {healthy} or less).";
        }

        if (MeetsBenchmark)
        {
            return $"{Label}: {value} meets the healthy benchmark of {healthy}.";
        }

        if (Value == Lines.Weak)
        {
            return $"{Label}: {value} is right at the weak line, short of the healthy benchmark of {healthy}: one to watch.";
        }

        return higher
            ? $"{Label}: {value} is above the weak line of {weak} but short of the healthy benchmark of {healthy}: one to watch."
            : $"{Label}: {value} is under the weak line of {weak} but not yet at the healthy benchmark of {healthy}: one to watch.";
    }
}
