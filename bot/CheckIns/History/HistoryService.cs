using System.Globalization;
using FlywheelBot.CheckIns.Views;

namespace FlywheelBot.CheckIns.History;

/// <summary>The "history"/"trend" and "export" answers.</summary>
internal sealed class HistoryService(HistoryStore history, ICheckInAdvice advice, TimeProvider clock)
{
    public const int TrendSnapshots = 500;
    public const int MaxExportRows = 2000;

    /// <summary>The CSV a chat message can carry (the activity: card, its fallback text and the summary, stays under 40 KB).</summary>
    public const int MaxCsvChars = 11_000;

    public async Task<CheckInHistoryView> TrendAsync(string conversationKey, string timeZoneId, CancellationToken cancellationToken)
    {
        var snapshots = await history.RecentAsync(conversationKey, TrendSnapshots, cancellationToken);
        return TrendBuilder.Build(snapshots, clock.GetUtcNow(), timeZoneId, advice.Describe);
    }

    public async Task<CheckInExportView> ExportAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var newestFirst = await history.RecentAsync(conversationKey, MaxExportRows, cancellationToken);
        var rows = newestFirst.Length;
        var csv = HistoryCsv.Write(newestFirst.Reverse().ToList());
        while (csv.Length > MaxCsvChars && rows > 1)
        {
            rows = Math.Max(1, rows * 9 / 10); // keep the newest rows that fit
            csv = HistoryCsv.Write(newestFirst.Take(rows).Reverse().ToList());
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"flywheel-history-{clock.GetUtcNow().UtcDateTime:yyyyMMdd}.csv");
        return new CheckInExportView(name, csv, rows, rows < newestFirst.Length || newestFirst.Length == MaxExportRows);
    }
}
