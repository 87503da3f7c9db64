namespace FlywheelBot.Flywheel.Cli;

/// <summary>The parsed <c>plan</c> options (the goal's target is still text: it is read against the metric's unit).</summary>
internal sealed record PlanRequest(
    string MetricId,
    string TargetText,
    DateOnly By,
    Audience Audience,
    MarketAwareness Awareness,
    string? Name,
    bool Json,
    string? PlaybookPath);
