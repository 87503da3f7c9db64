namespace FlywheelBot.Flywheel;

/// <summary>The outcome of reading a metric value from text: a value, or an error a person can act on.</summary>
public sealed record MetricParseResult(decimal? Value, string? Error)
{
    public bool IsSuccess => Value is not null;

    public static MetricParseResult Success(decimal value) => new(value, null);

    public static MetricParseResult Failure(string error) => new(null, error);
}
