using FlywheelBot.Storage;

namespace FlywheelBot.Tests.Channels.Slack.Installations;

/// <summary>
/// A view of a store whose first <see cref="ListAsync"/> of a collection returns nothing: an instance that read the
/// key ring just before another instance wrote its first key (the start-up race of a fresh database).
/// </summary>
internal sealed class HidingStore(IDocumentStore inner, string hiddenCollection) : IDocumentStore
{
    private int _lists;

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string keyPrefix, int limit, CancellationToken cancellationToken) =>
        collection == hiddenCollection && Interlocked.Increment(ref _lists) == 1
            ? []
            : await inner.ListAsync(collection, keyPrefix, limit, cancellationToken);

    public Task<StoredDocument?> GetAsync(string collection, string key, CancellationToken cancellationToken) => inner.GetAsync(collection, key, cancellationToken);

    public Task<WriteResult> PutAsync(DocumentWrite write, CancellationToken cancellationToken) => inner.PutAsync(write, cancellationToken);

    public Task<bool> DeleteAsync(string collection, string key, long? expectedVersion, CancellationToken cancellationToken) =>
        inner.DeleteAsync(collection, key, expectedVersion, cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> ListDueAsync(string collection, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.ListDueAsync(collection, now, limit, cancellationToken);

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.PurgeExpiredAsync(now, cancellationToken);
}
