using System.Globalization;
using System.Text.RegularExpressions;

namespace FlywheelBot.Flywheel;

/// <summary>
/// Reads a metric value from what a person typed: "1,200", "2k", "2.5k", "1.2m", "12%", "12.5 percent",
/// "about 2k visitors", "~300", "roughly 40 per month", "-20" (NPS). Words around the one number are ignored;
/// anything without exactly one number ("no idea", "10 to 20") is refused rather than guessed. Values outside the
/// metric's bounds are refused with the reason (percent over 100, negative counts, NPS outside -100..100).
/// </summary>
public static partial class MetricValueParser
{
    private const decimal TooLarge = 1_000_000_000_000m;

    public static MetricParseResult Parse(MetricDefinition metric, string? text)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var trimmed = (text ?? string.Empty).Trim();
        var matches = NumberPattern().Matches(trimmed.ToLowerInvariant());
        if (matches.Count == 0)
        {
            return MetricParseResult.Failure($"'{Shorten(trimmed)}' is not a number; {Expected(metric)}.");
        }

        if (matches.Count > 1)
        {
            return MetricParseResult.Failure($"'{Shorten(trimmed)}' has more than one number; give one, {Expected(metric)}.");
        }

        var match = matches[0];
        var digits = match.Groups["number"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number > TooLarge)
        {
            return MetricParseResult.Failure($"'{Shorten(trimmed)}' is too large to be a real value; {Expected(metric)}.");
        }

        var suffix = match.Groups["suffix"].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        var isPercent = suffix is "%" or "percent" or "pct" or "percentage";
        if (isPercent && metric.Unit != MetricUnit.Percent)
        {
            return MetricParseResult.Failure($"{metric.Id} is not a percentage; {Expected(metric)}.");
        }

        number *= suffix switch
        {
            "k" or "thousand" => 1_000m,
            "m" or "mn" or "million" => 1_000_000m,
            _ => 1m,
        };
        if (match.Groups["sign"].Success)
        {
            number = -number;
        }

        return Check(metric, number);
    }

    /// <summary>Checks an already numeric value against the metric's bounds.</summary>
    public static MetricParseResult Check(MetricDefinition metric, decimal value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.Min is { } min && value < min)
        {
            return MetricParseResult.Failure(metric.Unit switch
            {
                MetricUnit.PerMonth => $"{metric.Id} is a count and cannot be negative (got {MetricText.Number(value)}).",
                MetricUnit.Hours => $"{metric.Id} is a number of hours and cannot be negative (got {MetricText.Number(value)}).",
                _ => $"{metric.Id} must be {Range(metric)} (got {MetricText.Number(value)}).",
            });
        }

        if (metric.Max is { } max && value > max)
        {
            return MetricParseResult.Failure(metric.Unit == MetricUnit.Percent
                ? $"{metric.Id} is a percentage and cannot be over 100 (got {MetricText.Number(value)})."
                : $"{metric.Id} must be {Range(metric)} (got {MetricText.Number(value)}).");
        }

        return MetricParseResult.Success(value);
    }

    /// <summary>What a valid answer looks like, e.g. "a percentage from 0 to 100 such as 12 or 12.5%".</summary>
    public static string Expected(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Unit switch
        {
            MetricUnit.Percent => "expected a percentage from 0 to 100, such as 12, 12% or 12.5",
            MetricUnit.PerMonth => "expected a count per month, such as 300, 1,200 or 2k",
            MetricUnit.Hours => "expected a number of hours, such as 2 or 0.5",
            _ => $"expected a number {Range(metric)}",
        };
    }

    private static string Range(MetricDefinition metric) => (metric.Min, metric.Max) switch
    {
        ({ } min, { } max) => $"from {MetricText.Number(min)} to {MetricText.Number(max)}",
        ({ } min, null) => $"of at least {MetricText.Number(min)}",
        (null, { } max) => $"of at most {MetricText.Number(max)}",
        _ => "of any size",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    // One number: an optional minus sign (or the word "minus") that is not part of a range like "10-20",
    // digits with optional thousands commas and decimals, and an optional multiplier or percent suffix.
    [GeneratedRegex(
        @"(?<![\w.,])(?:(?<sign>-|−|minus\s+)\s*)?(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?<suffix>%|per\s?cent|percentage|pct|k|thousand|mn|m|million)?(?![\w.,]*\d)(?![a-z])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NumberPattern();
}
