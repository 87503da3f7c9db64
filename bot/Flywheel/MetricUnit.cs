namespace FlywheelBot.Flywheel;

/// <summary>What a metric counts. Playbook ids: <c>per-month</c>, <c>percent</c>, <c>score</c>, <c>hours</c>.</summary>
public enum MetricUnit
{
    /// <summary>A count per month (visitors, leads, conversations). Never negative.</summary>
    PerMonth,

    /// <summary>Percent points: 12.5 means 12.5 %. Between 0 and 100.</summary>
    Percent,

    /// <summary>A score with explicit bounds, e.g. NPS from -100 to 100.</summary>
    Score,

    /// <summary>A duration in hours. Never negative.</summary>
    Hours,
}
