using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FlywheelBot.Flywheel;

namespace FlywheelBot.CheckIns.History;

/// <summary>
/// History as RFC 4180 CSV: CRLF line ends, a header row, fields with a comma, quote or line break quoted and
/// inner quotes doubled. Text cells that a spreadsheet would run as a formula (<c>= + - @</c>) get a leading apostrophe.
/// </summary>
internal static class HistoryCsv
{
    private static readonly string[] Fixed =
        ["recorded_at_utc", "source", "bottleneck", "optimisation", "activity_id", "activity", "metric_to_watch", "target"];

    /// <param name="oldestFirst">Snapshots in time order.</param>
    public static string Write(IReadOnlyList<HistorySnapshot> oldestFirst)
    {
        ArgumentNullException.ThrowIfNull(oldestFirst);
        var stages = Enum.GetValues<StageId>().Select(FlywheelIds.Of).ToImmutableArray();
        var metrics = oldestFirst.SelectMany(s => s.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var csv = new StringBuilder();
        Row(csv, [.. Fixed, .. stages, .. metrics]);
        foreach (var s in oldestFirst)
        {
            Row(csv, [
                s.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                Text(s.Source), Text(s.Bottleneck), s.IsOptimisation ? "true" : "false",
                Text(s.ActivityId), Text(s.ActivityTitle), Text(s.MetricToWatch), Text(s.Target),
                .. stages.Select(id => s.Stages.TryGetValue(id, out var status) ? Text(status) : string.Empty),
                .. metrics.Select(id => s.Metrics.TryGetValue(id, out var v) ? v.ToString(CultureInfo.InvariantCulture) : string.Empty),
            ]);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Quote));
        csv.Append("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
