using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using FlywheelBot.Advisor;
using FlywheelBot.Conversations;

namespace FlywheelBot.CheckIns.Commands;

/// <summary>
/// Recognises check-in commands in a turn: buttons (<c>cmd</c> starting with <c>checkin-</c>) and
/// typed phrases. Only phrases that are clearly about check-ins are recognised; the advisor's own words
/// (<c>help</c>, <c>back</c>, <c>skip</c>, <c>cancel</c>, <c>restart</c>, bare metric answers) never are.
/// </summary>
internal static partial class CheckInCommandParser
{
    public const string CardCommandKey = "cmd";
    public const string MetricInputPrefix = "metric:";

    private static readonly HashSet<string> Softeners = new(StringComparer.Ordinal) { "please", "pls", "thanks", "the", "our", "my", "me", "show", "weekly" };

    public static CheckInCommand? Parse(InboundTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var action = Value(turn.Values, CardCommandKey);
        if (action is not null && action.StartsWith("checkin-", StringComparison.OrdinalIgnoreCase))
        {
            return ParseCardAction(action.ToLowerInvariant(), turn.Values);
        }

        return string.IsNullOrWhiteSpace(turn.Text) ? null : ParseText(turn.Text);
    }

    public static CheckInCommand? ParseText(string text)
    {
        var normalized = CheckInWord().Replace(text.Trim().TrimEnd('.', '!', '?').Trim(), "checkin");
        var words = normalized.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var lower = words.Select(w => w.ToLowerInvariant()).ToArray();
        return ParseSubscribe(words, lower)
            ?? ParseReschedule(words, lower)
            ?? ParseSnooze(lower)
            ?? ParseSimple(lower)
            ?? ParseTypedAnswer(normalized);
    }

    private static CheckInCommand? ParseCardAction(string action, ImmutableDictionary<string, string> values) => action switch
    {
        "checkin-subscribe" => ParseCardSubscribe(values),
        "checkin-answer" => new AnswerCommand(
            values.Where(kv => kv.Key.StartsWith(MetricInputPrefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(kv.Value))
                .Select(kv => KeyValuePair.Create(kv.Key[MetricInputPrefix.Length..], kv.Value.Trim()))
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .ToImmutableArray(),
            FromCard: true),
        "checkin-setup" => new SetupCommand(),
        "checkin-pause" => new SimpleCommand(SimpleCommandKind.Pause),
        "checkin-resume" => new SimpleCommand(SimpleCommandKind.Resume),
        "checkin-skip" => new SimpleCommand(SimpleCommandKind.SkipNext),
        "checkin-stop" => new SimpleCommand(SimpleCommandKind.Stop),
        "checkin-status" => new SimpleCommand(SimpleCommandKind.Status),
        "checkin-history" => new SimpleCommand(SimpleCommandKind.History),
        "checkin-export" => new SimpleCommand(SimpleCommandKind.Export),
        "checkin-snooze" => ParseSnoozeValue(Value(values, "until")),
        _ => null,
    };

    private static CheckInCommand ParseCardSubscribe(ImmutableDictionary<string, string> values)
    {
        var day = ScheduleText.TryParseDay(Value(values, "day") ?? "monday", out var d) ? d : DayOfWeek.Monday;
        var timeText = Value(values, "time") ?? "09:00";
        var time = ScheduleText.TryParseTime(timeText.ToLowerInvariant(), null, out var t, out _) ? t
            : TimeOnly.TryParse(timeText, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : new TimeOnly(9, 0);
        return new SubscribeCommand(day, time, Value(values, "zone"));
    }

    private static CheckInCommand ParseSnoozeValue(string? until)
    {
        if (until is not null && ScheduleText.TryParseDay(until, out var day))
        {
            return new SnoozeCommand(0, day);
        }

        return new SnoozeCommand(int.TryParse(until, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 28 ? days : 1, null);
    }

    // "checkin every monday at 9", "checkin weekly on friday at 14:30", "checkin every monday at 9am Europe/Berlin"
    private static CheckInCommand? ParseSubscribe(string[] words, string[] lower)
    {
        var start = lower[0] is "set" && lower.Length > 2 && lower[1] == "up" ? 2 : lower[0] is "setup" or "start" or "schedule" or "weekly" ? 1 : 0;
        if (start >= lower.Length || lower[start] != "checkin")
        {
            return null;
        }

        var rest = words[(start + 1)..];
        if (rest.Length == 0 || (rest.Length == 1 && rest[0].Equals("please", StringComparison.OrdinalIgnoreCase)))
        {
            return new SetupCommand();
        }

        if (!rest[0].ToLowerInvariant().StartsWith("every", StringComparison.Ordinal) && rest[0].ToLowerInvariant() is not ("weekly" or "each" or "on" or "at"))
        {
            return null;
        }

        return ScheduleText.TryParse(rest, out var day, out var time, out var zone) && (day is not null || time is not null)
            ? new SubscribeCommand(day ?? DayOfWeek.Monday, time ?? new TimeOnly(9, 0), zone)
            : null;
    }

    // "move checkin to tuesday 10:00", "change checkin time to 14:30", "reschedule checkin to friday", "set checkin zone to Europe/Paris"
    private static CheckInCommand? ParseReschedule(string[] words, string[] lower)
    {
        if (lower[0] is not ("move" or "change" or "reschedule" or "set" or "shift"))
        {
            return null;
        }

        var i = 1;
        while (i < lower.Length && lower[i] is "the" or "our" or "my" or "weekly")
        {
            i++;
        }

        if (i >= lower.Length || lower[i] != "checkin")
        {
            return null;
        }

        return ScheduleText.TryParse(words[(i + 1)..], out var day, out var time, out var zone) && (day ?? (object?)time ?? zone) is not null
            ? new RescheduleCommand(day, time, zone)
            : null;
    }

    // "snooze", "snooze a day", "snooze 2 days", "snooze until tuesday", "snooze the checkin till fri"
    private static CheckInCommand? ParseSnooze(string[] lower)
    {
        if (lower[0] != "snooze")
        {
            return null;
        }

        var rest = lower.Skip(1).Where(w => w is not ("the" or "it" or "for" or "please")).ToList();
        var isExplicit = rest.Remove("checkin");
        if (rest.Count == 0)
        {
            return new SnoozeCommand(1, null, isExplicit);
        }

        if (rest.Count == 2 && rest[0] is "until" or "till" or "til" or "to" or "on" && ScheduleText.TryParseDay(rest[1], out var day))
        {
            return new SnoozeCommand(0, day, isExplicit);
        }

        if (rest.Count == 1 && rest[0] == "tomorrow")
        {
            return new SnoozeCommand(1, null, isExplicit);
        }

        if (rest.Count == 2 && rest[1] is "day" or "days" or "week" or "weeks")
        {
            var count = rest[0] is "a" or "one" ? 1
                : int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                : 0;
            var days = count * (rest[1].StartsWith("week", StringComparison.Ordinal) ? 7 : 1);
            return days is > 0 and <= 28 ? new SnoozeCommand(days, null, isExplicit) : null;
        }

        return null;
    }

    private static CheckInCommand? ParseSimple(string[] lower)
    {
        var phrase = string.Join(' ', lower.Where(w => !Softeners.Contains(w)));
        return phrase switch
        {
            "pause" => new SimpleCommand(SimpleCommandKind.Pause, false),
            "pause checkin" or "pause checkins" or "checkin pause" => new SimpleCommand(SimpleCommandKind.Pause),
            "resume" or "unpause" => new SimpleCommand(SimpleCommandKind.Resume, false),
            "resume checkin" or "unpause checkin" or "checkin resume" or "restart checkin" => new SimpleCommand(SimpleCommandKind.Resume),
            "skip next" or "skip this week" or "skip next week" => new SimpleCommand(SimpleCommandKind.SkipNext, false),
            "skip next checkin" or "skip checkin" or "skip this week's checkin" or "skip this checkin" or "skip checkin this week"
                => new SimpleCommand(SimpleCommandKind.SkipNext),
            "stop checkin" or "unsubscribe" or "unsubscribe checkin" or "unsubscribe from checkin" or "cancel checkin"
                or "disable checkin" or "turn off checkin" or "delete checkin" or "end checkin" => new SimpleCommand(SimpleCommandKind.Stop),
            "checkin status" or "status checkin" or "status of checkin" or "next checkin" or "when is next checkin"
                or "when's next checkin" or "checkin schedule" => new SimpleCommand(SimpleCommandKind.Status),
            "history" or "trend" or "trends" or "checkin history" or "metric history" or "metrics history" or "trend history"
                or "metric trend" or "metrics trend" => new SimpleCommand(SimpleCommandKind.History),
            "export" or "export history" or "export csv" or "export history as csv" or "export history csv" or "history csv"
                or "export checkin history" or "csv export" or "download history" or "export data" => new SimpleCommand(SimpleCommandKind.Export),
            _ => null,
        };
    }

    // "visitors 5400, nps 20", "monthly_visitors: 5,400; leads = 40 and churn 2.5%"
    private static AnswerCommand? ParseTypedAnswer(string text)
    {
        var parts = AnswerSeparator().Split(text);
        var pairs = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (var part in parts)
        {
            var m = AnswerPart().Match(part.Trim());
            if (!m.Success)
            {
                return null;
            }

            pairs.Add(KeyValuePair.Create(m.Groups["name"].Value.Trim().ToLowerInvariant(), m.Groups["value"].Value.Trim()));
        }

        return pairs.Count > 0 ? new AnswerCommand(pairs.ToImmutable(), FromCard: false) : null;
    }

    private static string? Value(ImmutableDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    [GeneratedRegex(@"\bcheck(?:ing)?[\s-]?ins?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CheckInWord();

    [GeneratedRegex(@"\s*(?:[;,](?=\s*[A-Za-z])|\band\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnswerSeparator();

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z _%-]*?)\s*[:=]?\s*(?<value>[-+]?\d[\d.,']*\s*(?:[kKmM]|%)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex AnswerPart();
}
