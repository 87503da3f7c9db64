using FlywheelBot.CheckIns.Views;

namespace FlywheelBot.CheckIns.History;

/// <summary>The "history"/"trend" and "export" answers.</summary>
internal sealed class HistoryService(HistoryStore history, ICheckInAdvice advice, TimeProvider clock)
{
    public const int TrendSnapshots = 500;
    public const int MaxExportRows = 2000;

    public async Task<CheckInHistoryView> TrendAsync(string conversationKey, string timeZoneId, CancellationToken cancellationToken)
    {
        var snapshots = await history.RecentAsync(conversationKey, TrendSnapshots, cancellationToken);
        return TrendBuilder.Build(snapshots, clock.GetUtcNow(), timeZoneId, advice.Describe);
    }

    public async Task<CheckInExportView> ExportAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var newestFirst = await history.RecentAsync(conversationKey, MaxExportRows, cancellationToken);
        var oldestFirst = newestFirst.Reverse().ToList();
        var name = $"flywheel-history-{clock.GetUtcNow().UtcDateTime:yyyyMMdd}.csv";
        return new CheckInExportView(name, HistoryCsv.Write(oldestFirst), oldestFirst.Count, newestFirst.Length == MaxExportRows);
    }
}
