using System.Globalization;
using System.Text;
using FlywheelBot.Advisor;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Flywheel;
using FlywheelBot.Views.Images;
using FlywheelBot.Files;
using Microsoft.Extensions.Options;

namespace FlywheelBot.CheckIns.History;

/// <summary>
/// The "history"/"trend" and "export" answers. The export is a CSV file served by the bot (a download link) when the
/// served-files service is there; otherwise (or when publishing fails) the newest rows that fit one message, as text.
/// </summary>
internal sealed partial class HistoryService(
    HistoryStore history,
    ICheckInAdvice advice,
    TimeProvider clock,
    IServedFiles? files = null,
    ITeamProfileStore? profiles = null,
    IOptions<CheckInOptions>? options = null,
    ILogger<HistoryService>? logger = null)
{
    public const int TrendSnapshots = 500;
    public const int MaxExportRows = 2000;

    /// <summary>The CSV a chat message can carry (the activity: card, its fallback text and the summary, stays under 40 KB).</summary>
    public const int MaxCsvChars = 11_000;

    public async Task<CheckInHistoryView> TrendAsync(string conversationKey, string timeZoneId, CancellationToken cancellationToken)
    {
        var snapshots = await history.RecentAsync(conversationKey, TrendSnapshots, cancellationToken);
        var view = TrendBuilder.Build(snapshots, clock.GetUtcNow(), timeZoneId, advice.Describe);
        if (view.MetricToWatch is not { } metric || advice.Playbook is not { } playbook || !playbook.TryGetMetric(metric.Id, out var definition))
        {
            return view;
        }

        var profile = profiles is null ? null : await profiles.GetAsync(conversationKey, cancellationToken);
        var target = profile?.Goal is { } goal && goal.MetricId == metric.Id
            ? goal.Target
            : profile is not null ? definition.ThresholdFor(profile.Audience)?.Healthy : null;
        var lower = definition.Direction == MetricDirection.LowerIsBetter;
        var momentum = Momentum.Count(snapshots, timeZoneId, id => playbook.TryGetMetric(id, out var m) && m.Direction == MetricDirection.LowerIsBetter);
        var chart = view.MetricValues.Any(v => v.HasValue)
            ? TrendChartImage.Render(new TrendPicture(metric.Label, view.WeekLabels, view.MetricValues, target, lower, v => MetricText.Value(definition, v)))
            : null;
        return view with
        {
            Target = target,
            LowerIsBetter = lower,
            Chart = chart,
            Momentum = momentum.Sentence(playbook.TryGetMetric(momentum.MetricId ?? metric.Id, out var watched) ? watched.Label : metric.Label),
        };
    }

    public async Task<CheckInExportView> ExportAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var newestFirst = await history.RecentAsync(conversationKey, MaxExportRows, cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"flywheel-history-{clock.GetUtcNow().UtcDateTime:yyyyMMdd}.csv");
        var rows = newestFirst.Length;
        var csv = HistoryCsv.Write(newestFirst.Reverse().ToList());
        if (files is not null && rows > 0)
        {
            try
            {
                var lifetime = options?.Value.ExportLinkLifetime ?? TimeSpan.FromDays(1);
                var link = await files.PublishAsync(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name, lifetime, cancellationToken);
                return new CheckInExportView(name, csv, rows, newestFirst.Length == MaxExportRows) { Link = link.Url, LinkExpiresAt = link.ExpiresAt };
            }
            catch (InvalidOperationException ex)
            {
                // No public address known yet (Hosting:PublicUrl empty and no server address): answer with the text instead.
                if (logger is not null)
                {
                    LogNoLink(logger, ex);
                }
            }
        }

        while (csv.Length > MaxCsvChars && rows > 1)
        {
            rows = Math.Max(1, rows * 9 / 10); // keep the newest rows that fit
            csv = HistoryCsv.Write(newestFirst.Take(rows).Reverse().ToList());
        }

        return new CheckInExportView(name, csv, rows, rows < newestFirst.Length || newestFirst.Length == MaxExportRows);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The history export could not be published as a file; sending it as text.")]
    private static partial void LogNoLink(ILogger logger, Exception exception);
}
