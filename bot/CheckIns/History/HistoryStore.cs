using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FlywheelBot.Storage;

namespace FlywheelBot.CheckIns.History;

/// <summary>
/// Dated snapshots in collection <c>history</c>, key <c>{conversation key}/{reverse ticks}</c>: the conversation key
/// escaped so it cannot contain <c>/</c>, and <c>DateTime.MaxValue.Ticks - at.UtcTicks</c> as 19 digits, so a prefix
/// listing returns a conversation's snapshots newest first and the latest ones come without reading everything.
/// </summary>
internal sealed partial class HistoryStore(IDocumentStore store, ILogger<HistoryStore> logger)
{
    public const string Collection = "history";
    public const int MaxSnapshots = 5000;

    public static string KeyPrefix(string conversationKey) =>
        conversationKey.Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal) + "/";

    public static string Key(string conversationKey, DateTimeOffset at) =>
        KeyPrefix(conversationKey) + (DateTime.MaxValue.Ticks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>
    /// The insert-if-absent of <paramref name="snapshot"/> at its time moved <paramref name="shift"/> ticks back in the
    /// key (a free key for a retry when the first was taken in the same instant), for a commit of its own or another's.
    /// </summary>
    public static DocumentWrite Write(string conversationKey, HistorySnapshot snapshot, TimeSpan? retention, int shift)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var json = JsonSerializer.Serialize(snapshot, CheckInJsonContext.Default.HistorySnapshot);
        var expires = retention is { } keep ? snapshot.At + keep : (DateTimeOffset?)null;
        return new DocumentWrite(Collection, Key(conversationKey, snapshot.At.AddTicks(shift)), json, 0, ExpiresAt: expires);
    }

    public async Task AddAsync(string conversationKey, HistorySnapshot snapshot, TimeSpan? retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        // Two snapshots in the same tick: the later one moves a tick back in the key (still ordered, nothing overwritten).
        for (var shift = 0; shift < 100; shift++)
        {
            var result = await store.PutAsync(Write(conversationKey, snapshot, retention, shift), cancellationToken);
            if (result.Succeeded)
            {
                return;
            }
        }

        throw new InvalidOperationException("Could not find a free history key.");
    }

    /// <summary>The newest <paramref name="limit"/> snapshots, newest first.</summary>
    public async Task<ImmutableArray<HistorySnapshot>> RecentAsync(string conversationKey, int limit, CancellationToken cancellationToken)
    {
        var docs = await store.ListAsync(Collection, KeyPrefix(conversationKey), limit, cancellationToken);
        var snapshots = ImmutableArray.CreateBuilder<HistorySnapshot>(docs.Count);
        foreach (var doc in docs)
        {
            try
            {
                if (JsonSerializer.Deserialize(doc.Json, CheckInJsonContext.Default.HistorySnapshot) is { } snapshot)
                {
                    snapshots.Add(snapshot);
                }
            }
            catch (JsonException ex)
            {
                LogUnreadable(ex);
            }
        }

        return snapshots.ToImmutable();
    }

    public async Task<HistorySnapshot?> LatestAsync(string conversationKey, CancellationToken cancellationToken) =>
        (await RecentAsync(conversationKey, 1, cancellationToken)) is [var latest] ? latest : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored history snapshot could not be read; skipping it.")]
    private partial void LogUnreadable(Exception exception);
}
