namespace FlywheelBot.Flywheel;

/// <summary>A test on one reported metric: true when the value is below <see cref="Below"/> or above <see cref="Above"/>.</summary>
public sealed record MetricCondition(string MetricId, decimal? Below, decimal? Above)
{
    public bool IsMetBy(decimal value) => (Below is { } below && value < below) || (Above is { } above && value > above);
}
