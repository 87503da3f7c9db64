using System.Collections.Immutable;
using System.Text.RegularExpressions;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>
/// Reads several facts from one message ("we sell to CIOs, nobody knows us yet, 300 visitors a month and 2 leads"):
/// the message is cut into clauses (commas, "and", semicolons, sentences); a clause with a metric's name and a number is
/// that metric; a clause without a number may name the audience, the market awareness or a community. Pure: the metric
/// names come in as a table (<see cref="MetricNames"/>, from the playbook), the values are read by the caller's parser.
/// </summary>
internal static partial class FactReader
{
    public delegate bool ValueParser(string metricId, string text, out decimal value);

    public static Facts Read(string? text, MetricNames metricNames, ValueParser parse, ActivityPhrases activities)
    {
        ArgumentNullException.ThrowIfNull(metricNames);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(activities);
        var normalized = IntentReader.Normalize(text);
        if (normalized.Length == 0)
        {
            return Facts.None;
        }

        Audience? audience = null;
        MarketAwareness? awareness = null;
        Community? community = null;
        var metrics = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        foreach (var clause in Clauses().Split(normalized).Select(c => c.Trim()).Where(c => c.Length > 0))
        {
            var padded = $" {clause.Replace('-', ' ')} ";
            var number = Number().Match(clause);
            if (number.Success && metricNames.TryFindIn(clause, out var metricId))
            {
                if (parse(metricId, number.Value.Trim(), out var value))
                {
                    metrics[metricId] = value;
                }

                continue;
            }

            if (number.Success)
            {
                continue;
            }

            community ??= CommunityIn(padded);
            if (BasicQuestions.Audience.Match(clause) is { } who && FlywheelIds.TryParseAudience(who, out var a) && !padded.Contains(" community ", StringComparison.Ordinal))
            {
                audience ??= a;
            }

            awareness ??= AwarenessIn(padded);
        }

        return new Facts(audience, awareness, community, metrics.ToImmutable(), activities.FindAll(normalized));
    }

    /// <summary>Phrases strong enough to read market awareness out of a longer sentence.</summary>
    private static readonly (string Phrase, MarketAwareness Value)[] AwarenessPhrases =
    [
        ("nobody knows us", MarketAwareness.New), ("no one knows us", MarketAwareness.New), ("nobody has heard of us", MarketAwareness.New),
        ("nobody knows about us", MarketAwareness.New), ("brand new", MarketAwareness.New), ("new market", MarketAwareness.New),
        ("new in the market", MarketAwareness.New), ("new to the market", MarketAwareness.New), ("unknown in", MarketAwareness.New),
        ("not known yet", MarketAwareness.New), ("market is new", MarketAwareness.New), ("awareness is new", MarketAwareness.New),
        ("some recognition", MarketAwareness.Emerging), ("emerging", MarketAwareness.Emerging), ("know us a bit", MarketAwareness.Emerging),
        ("known a bit", MarketAwareness.Emerging), ("somewhat known", MarketAwareness.Emerging), ("some people know us", MarketAwareness.Emerging),
        ("a few people know us", MarketAwareness.Emerging), ("getting known", MarketAwareness.Emerging),
        ("well known", MarketAwareness.Established), ("established", MarketAwareness.Established), ("everyone knows us", MarketAwareness.Established),
        ("everybody knows us", MarketAwareness.Established), ("market leader", MarketAwareness.Established),
    ];

    /// <summary>The phrases as needles, made once: " phrase " (a whole phrase) and, for phrases of several words, " phrase" (its start).</summary>
    private static readonly (string Whole, string? Start, MarketAwareness Value)[] AwarenessNeedles =
        [.. AwarenessPhrases.Select(p => ($" {p.Phrase} ", p.Phrase.Contains(' ', StringComparison.Ordinal) ? $" {p.Phrase}" : null, p.Value))];

    private static readonly string[] CommunityWords = [.. new[] { "community", "communities", "forum", "forums", "subreddit", "reddit", "discord", "meetup", "meetups", "user group", "user groups", "slack group" }.Select(w => $" {w} ")];

    private static readonly string[] Negations = [" no ", " not ", " none ", " without ", " don't ", " dont ", " isn't ", " isnt ", " aren't ", " there's no ", " nothing "];

    private static MarketAwareness? AwarenessIn(string padded)
    {
        foreach (var (whole, start, value) in AwarenessNeedles)
        {
            if (padded.Contains(whole, StringComparison.Ordinal) || start is not null && padded.Contains(start, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static Community? CommunityIn(string padded)
    {
        if (!CommunityWords.Any(w => padded.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        if (padded.Contains(" not sure ", StringComparison.Ordinal) || padded.Contains(" maybe ", StringComparison.Ordinal))
        {
            return Community.Unknown;
        }

        return Negations.Any(n => padded.Contains(n, StringComparison.Ordinal)) ? Community.No : Community.Yes;
    }

    [GeneratedRegex(@"\s*(?:,\s+|;\s*|\.\s+|\s+and\s+|\s+but\s+|\s+&\s+|\s+plus\s+|\s+also\s+|\s+while\s+)\s*")]
    private static partial Regex Clauses();

    [GeneratedRegex(@"(?<![\w.])-?\d[\d,]*(?:\.\d+)?(?:\s*(?:k|m|%|percent)\b|%)?")]
    private static partial Regex Number();
}
