using System.Globalization;

namespace FlywheelBot.Flywheel;

/// <summary>Formats metric values for people: "1,500", "2.5 %", "NPS 12", "3 hours".</summary>
public static class MetricText
{
    public static string Number(decimal value) =>
        value == decimal.Truncate(value)
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Value(MetricDefinition metric, decimal value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Unit switch
        {
            MetricUnit.Percent => $"{Number(value)} %",
            MetricUnit.Hours => value == 1 ? "1 hour" : $"{Number(value)} hours",
            _ => Number(value),
        };
    }
}
