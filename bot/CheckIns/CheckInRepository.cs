using System.Text.Json;
using FlywheelBot.Storage;

namespace FlywheelBot.CheckIns;

/// <summary>
/// Subscriptions in the document store (collection <c>checkins</c>, key = conversation key), written with
/// optimistic concurrency and the due time index the scheduler lists by.
/// </summary>
internal sealed partial class CheckInRepository(IDocumentStore store, ILogger<CheckInRepository> logger)
{
    public const string Collection = "checkins";
    private const int MaxAttempts = 16;

    public async Task<Versioned<CheckInSubscription>> GetAsync(string conversationKey, CancellationToken cancellationToken) =>
        Parse(await store.GetAsync(Collection, conversationKey, cancellationToken));

    /// <summary>Writes only if the stored version is still <paramref name="expectedVersion"/>; the new version, or null on conflict.</summary>
    public async Task<long?> TryWriteAsync(CheckInSubscription subscription, long expectedVersion, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(subscription, CheckInJsonContext.Default.CheckInSubscription);
        var result = await store.PutAsync(
            new DocumentWrite(Collection, subscription.ConversationKey, json, expectedVersion, CheckInPlanner.DueAt(subscription)),
            cancellationToken);
        return result.Succeeded ? result.Version : null;
    }

    /// <summary>
    /// Read-modify-write that loses no concurrent update: <paramref name="apply"/> is re-applied to the fresh value after a
    /// conflict. When it returns the value unchanged nothing is written. Returns what is stored afterwards.
    /// </summary>
    public async Task<CheckInSubscription?> UpdateAsync(
        string conversationKey,
        Func<CheckInSubscription?, CheckInSubscription?> apply,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await GetAsync(conversationKey, cancellationToken);
            var next = apply(current.Value);
            if (next is null || next == current.Value)
            {
                return current.Value;
            }

            if (await TryWriteAsync(next, current.Version, cancellationToken) is not null)
            {
                return next;
            }
        }

        throw new InvalidOperationException($"Check-in subscription kept changing under {MaxAttempts} attempts.");
    }

    public async Task<bool> DeleteAsync(string conversationKey, CancellationToken cancellationToken) =>
        await store.DeleteAsync(Collection, conversationKey, null, cancellationToken);

    public async Task<IReadOnlyList<Versioned<CheckInSubscription>>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var docs = await store.ListDueAsync(Collection, now, limit, cancellationToken);
        return docs.Select(Parse).Where(v => v.Value is not null).ToList();
    }

    /// <summary>A subscription as stored (read elsewhere, e.g. in a turn's commit); absent or unreadable: null.</summary>
    public Versioned<CheckInSubscription> Parse(StoredDocument? doc)
    {
        if (doc is null)
        {
            return new Versioned<CheckInSubscription>(null, 0, false);
        }

        try
        {
            var value = JsonSerializer.Deserialize(doc.Json, CheckInJsonContext.Default.CheckInSubscription);
            return new Versioned<CheckInSubscription>(value, doc.Version, value is null);
        }
        catch (JsonException ex)
        {
            LogUnreadable(doc.Version, ex);
            return new Versioned<CheckInSubscription>(null, doc.Version, true);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored check-in subscription (version {Version}) could not be read; treating it as absent.")]
    private partial void LogUnreadable(long version, Exception exception);
}
