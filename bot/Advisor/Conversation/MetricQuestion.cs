using System.Globalization;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>A metric as the interview asks it: id, short label, the question, its unit ("%", "per month", "score") and bounds.</summary>
internal sealed record MetricQuestion(string Id, string Label, string Question, string Unit, decimal? Min = null, decimal? Max = null)
{
    public bool IsPercent => Unit.Contains('%', StringComparison.Ordinal) || Unit.Contains("percent", StringComparison.OrdinalIgnoreCase);

    /// <summary>A value as a person reads it back: "12.5%", "1,200 per month".</summary>
    public string Format(decimal value) => IsPercent
        ? value.ToString("0.##", CultureInfo.InvariantCulture) + "%"
        : $"{value.ToString("#,0.##", CultureInfo.InvariantCulture)} {Unit}".TrimEnd();
}
