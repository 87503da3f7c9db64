using System.Text.RegularExpressions;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// Finds a metric update in a sentence ("visitors are 5,400 now", "nps is 12", "churn 3%"): a metric's name at the
/// start (the playbook's aliases, see <see cref="MetricNames"/>), then a value the engine's parser reads.
/// </summary>
internal static partial class MetricMentions
{
    public static bool TryRead(string normalized, IFlywheelGuide guide, out string metricId, out string valueText)
    {
        ArgumentNullException.ThrowIfNull(guide);
        metricId = string.Empty;
        valueText = string.Empty;
        if (!guide.MetricNames.TryMatchStart(normalized, out var id, out var length) || guide.FindMetric(id) is null)
        {
            return false;
        }

        var value = Filler().Replace(normalized[length..], string.Empty).Trim();
        value = TrailingFiller().Replace(value, string.Empty).Trim();
        if (!value.Any(char.IsDigit))
        {
            return false;
        }

        metricId = id;
        valueText = value;
        return true;
    }

    [GeneratedRegex(@"^\s*(?:(?:is|are|was|were|=|:|at|of|now|currently)\s*)*")]
    private static partial Regex Filler();

    [GeneratedRegex(@"(?:\s+(?:now|today|this month|per month|a month|monthly))+$")]
    private static partial Regex TrailingFiller();
}
