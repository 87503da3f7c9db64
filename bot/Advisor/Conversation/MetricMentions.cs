using System.Text.RegularExpressions;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// Finds a metric update in a sentence ("visitors are 5,400 now", "nps is 12", "churn 3%"): a known name at the
/// start, then a value the engine's parser reads. The names are everyday words for the playbook's metric ids.
/// </summary>
internal static partial class MetricMentions
{
    private static readonly (string Alias, string MetricId)[] Aliases = BuildAliases();

    public static bool TryRead(string normalized, IFlywheelGuide guide, out string metricId, out string valueText)
    {
        foreach (var (alias, id) in Aliases)
        {
            if (!normalized.StartsWith(alias, StringComparison.Ordinal) || guide.FindMetric(id) is null)
            {
                continue;
            }

            var rest = normalized[alias.Length..];
            if (rest.Length > 0 && char.IsLetterOrDigit(rest[0]) && !char.IsDigit(rest[0]))
            {
                continue;
            }

            var value = Filler().Replace(rest, string.Empty).Trim();
            value = TrailingFiller().Replace(value, string.Empty).Trim();
            if (value.Any(char.IsDigit))
            {
                metricId = id;
                valueText = value;
                return true;
            }
        }

        metricId = string.Empty;
        valueText = string.Empty;
        return false;
    }

    private static (string, string)[] BuildAliases()
    {
        var table = new Dictionary<string, string[]>
        {
            ["monthly_visitors"] = ["monthly visitors", "website visitors", "site visitors", "visitors", "traffic", "visits"],
            ["inbound_conversations"] = ["inbound conversations", "inbound", "conversations", "people reaching out", "demo requests"],
            ["leads"] = ["new leads", "monthly leads", "leads"],
            ["visitor_to_lead_pct"] = ["visitor to lead", "visitor-to-lead", "visitor conversion", "conversion rate"],
            ["lead_to_customer_pct"] = ["lead to customer", "lead-to-customer", "win rate", "close rate"],
            ["activation_pct"] = ["activation rate", "activation"],
            ["monthly_churn_pct"] = ["monthly churn rate", "monthly churn", "churn rate", "churn"],
            ["nps"] = ["net promoter score", "nps"],
            ["referrals"] = ["referral leads", "referrals"],
            ["share_of_voice_pct"] = ["share of voice", "sov"],
        };
        return table
            .SelectMany(entry => entry.Value.Select(alias => (alias, entry.Key)))
            .OrderByDescending(pair => pair.alias.Length)
            .ThenBy(pair => pair.alias, StringComparer.Ordinal)
            .ToArray();
    }

    [GeneratedRegex(@"^\s*(?:(?:is|are|was|were|=|:|at|of|now|currently)\s*)*")]
    private static partial Regex Filler();

    [GeneratedRegex(@"(?:\s+(?:now|today|this month|per month|a month|monthly))+$")]
    private static partial Regex TrailingFiller();
}
