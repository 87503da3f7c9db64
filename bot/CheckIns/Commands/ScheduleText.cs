using System.Globalization;
using System.Text.RegularExpressions;

namespace FlywheelBot.CheckIns.Commands;

/// <summary>Parses the words of a schedule: weekdays ("monday", "fri"), times ("9", "9am", "14:30", "9:30 pm") and IANA zones.</summary>
internal static partial class ScheduleText
{
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "every", "each", "weekly", "week", "on", "at", "in", "to", "the", "a", "time", "day", "zone", "timezone", "from", "now",
    };

    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    };

    /// <summary>Reads day, time and zone from the words; false when a word is none of them nor a filler.</summary>
    public static bool TryParse(IReadOnlyList<string> words, out DayOfWeek? day, out TimeOnly? time, out string? zone)
    {
        day = null;
        time = null;
        zone = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var lower = word.ToLowerInvariant();
            if (Fillers.Contains(lower))
            {
                continue;
            }

            if (day is null && TryParseDay(lower, out var d))
            {
                day = d;
            }
            else if (time is null && TryParseTime(lower, i + 1 < words.Count ? words[i + 1].ToLowerInvariant() : null, out var t, out var usedNext))
            {
                time = t;
                i += usedNext ? 1 : 0;
            }
            else if (zone is null && LooksLikeZone(word))
            {
                zone = word;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryParseDay(string word, out DayOfWeek day)
    {
        var w = word.ToLowerInvariant().TrimEnd(',');
        return Days.TryGetValue(w, out day) || (w.EndsWith('s') && Days.TryGetValue(w[..^1], out day));
    }

    public static bool TryParseTime(string word, string? next, out TimeOnly time, out bool usedNext)
    {
        time = default;
        usedNext = false;
        var m = TimePattern().Match(word);
        if (!m.Success)
        {
            return false;
        }

        var suffix = m.Groups["ampm"].Value.Replace(".", string.Empty, StringComparison.Ordinal);
        if (suffix.Length == 0 && next is "am" or "pm" or "a.m." or "p.m.")
        {
            suffix = next.Replace(".", string.Empty, StringComparison.Ordinal);
            usedNext = true;
        }

        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (suffix.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + (suffix == "pm" ? 12 : 0);
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    private static bool LooksLikeZone(string word) =>
        word.Contains('/', StringComparison.Ordinal) || word.ToUpperInvariant() is "UTC" or "GMT";

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?(?<ampm>am|pm|a\.m\.|p\.m\.)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
