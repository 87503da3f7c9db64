using System.Globalization;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>A metric as the interview asks it: id, short label, the question, its unit ("%", "per month", "score") and bounds.</summary>
internal sealed record MetricQuestion(string Id, string Label, string Question, string Unit, decimal? Min = null, decimal? Max = null)
{
    public bool IsPercent => Unit.Contains('%', StringComparison.Ordinal) || Unit.Contains("percent", StringComparison.OrdinalIgnoreCase);

    /// <summary>A value as a person reads it back: "12.5%", "1,200 per month", "25" (a score needs no unit).</summary>
    public string Format(decimal value) => IsPercent
        ? value.ToString("0.##", CultureInfo.InvariantCulture) + "%"
        : Unit is "score" or ""
            ? value.ToString("#,0.##", CultureInfo.InvariantCulture)
            : $"{value.ToString("#,0.##", CultureInfo.InvariantCulture)} {Unit}";

    /// <summary>"Website visitors per month: 1,200", "Net Promoter Score: 25", "Activation rate: 30%" (the label says the unit).</summary>
    public string Phrase(decimal value) =>
        $"{Label.Replace(" (%)", string.Empty, StringComparison.Ordinal)}: {(Unit == "per month" ? value.ToString("#,0.##", CultureInfo.InvariantCulture) : Format(value))}";
}
