namespace FlywheelBot.Flywheel;

/// <summary>Which way is better for a metric (e.g. visitors: higher; monthly churn: lower).</summary>
public enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,
}
