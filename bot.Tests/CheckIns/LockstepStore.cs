using FlywheelBot.Storage;

namespace FlywheelBot.Tests.CheckIns;

/// <summary>
/// Makes two schedulers race for real: each <see cref="ListDueAsync"/> waits (up to a second) until the other instance
/// has listed too, so both see the same due records at the same version before either claims one.
/// </summary>
internal sealed class LockstepStore(IDocumentStore inner, LockstepStore.Rendezvous rendezvous) : IDocumentStore
{
    public async Task<IReadOnlyList<StoredDocument>> ListDueAsync(string collection, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var due = await inner.ListDueAsync(collection, now, limit, cancellationToken);
        await rendezvous.ArriveAsync(cancellationToken);
        return due;
    }

    public Task<StoredDocument?> GetAsync(string collection, string key, CancellationToken cancellationToken) => inner.GetAsync(collection, key, cancellationToken);

    public Task<WriteResult> PutAsync(DocumentWrite write, CancellationToken cancellationToken) => inner.PutAsync(write, cancellationToken);

    public Task<bool> DeleteAsync(string collection, string key, long? expectedVersion, CancellationToken cancellationToken) =>
        inner.DeleteAsync(collection, key, expectedVersion, cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string keyPrefix, int limit, CancellationToken cancellationToken) =>
        inner.ListAsync(collection, keyPrefix, limit, cancellationToken);

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.PurgeExpiredAsync(now, cancellationToken);

    /// <summary>Releases callers in pairs.</summary>
    internal sealed class Rendezvous
    {
        private readonly Lock _gate = new();
        private TaskCompletionSource? _waiting;

        public async Task ArriveAsync(CancellationToken cancellationToken)
        {
            TaskCompletionSource mine;
            lock (_gate)
            {
                if (_waiting is { } other)
                {
                    _waiting = null;
                    other.TrySetResult();
                    return;
                }

                mine = _waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            try
            {
                await mine.Task.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (TimeoutException)
            {
                lock (_gate)
                {
                    if (_waiting == mine)
                    {
                        _waiting = null;
                    }
                }
            }
        }
    }
}
