using System.Globalization;
using System.Text.RegularExpressions;

namespace FlywheelBot.Campaigns;

/// <summary>
/// Reads a goal as people type it: "50 leads a month by 31 March", "leads 50 by 2027-03-31", "activation 40% by
/// March 31, 2027", "leads=50 by 2027-03-31". One number, a metric name (resolved by the caller), "by" and a date
/// (ISO, "31 March [2027]" or "March 31[, 2027]"; without a year the next such date from today).
/// </summary>
internal static partial class GoalSpec
{
    public delegate bool MetricResolver(string name, out string metricId);

    public static (string MetricId, string TargetText, DateOnly By)? TryRead(string text, DateOnly today, MetricResolver resolve, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        problem = null;
        var split = ByPattern().Match(text ?? string.Empty);
        if (!split.Success)
        {
            problem = "A goal needs a number, a metric and a date, e.g. \"goal 50 leads a month by 31 March\".";
            return null;
        }

        var what = split.Groups["what"].Value.Trim();
        var when = split.Groups["when"].Value.Trim().TrimEnd('.', '!');
        if (!TryDate(when, today, out var by))
        {
            problem = $"I couldn't read the date \"{when}\"; write it like 31 March, March 31 2027 or 2027-03-31.";
            return null;
        }

        var number = NumberPattern().Match(what);
        if (!number.Success)
        {
            problem = "A goal needs one number to reach, e.g. \"goal 50 leads a month by 31 March\".";
            return null;
        }

        var name = Filler().Replace(what.Remove(number.Index, number.Length).Replace('=', ' '), " ").Trim();
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var skip = 0; skip < words.Length; skip++)
        {
            if (resolve(string.Join(' ', words.Skip(skip)), out var metricId))
            {
                return (metricId, number.Value.Trim(), by);
            }
        }

        problem = $"I don't know the metric \"{name}\"; try leads, visitors, activation, churn, nps or referrals.";
        return null;
    }

    private static bool TryDate(string text, DateOnly today, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        var cleaned = text.Replace(",", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal).Trim();
        cleaned = Ordinal().Replace(cleaned, "$1");
        string[] withYear = ["d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy"];
        if (DateOnly.TryParseExact(cleaned, withYear, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            return true;
        }

        string[] noYear = ["d MMMM", "d MMM", "MMMM d", "MMM d"];
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            if (DateOnly.TryParseExact($"{cleaned} {year}", [.. noYear.Select(f => f + " yyyy")], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date)
                && date >= today)
            {
                return true;
            }
        }

        date = default;
        return false;
    }

    [GeneratedRegex(@"^(?<what>.+?)\s+by\s+(?<when>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPattern();

    [GeneratedRegex(@"-?\d[\d,]*(?:\.\d+)?\s*(?:%|percent|k\b|m\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(?:a month|per month|monthly|a week|per week|of|to|at|reach|get|qualified|new)\b|[:=]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();
}
