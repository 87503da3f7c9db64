using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FlywheelBot.Storage;

/// <summary>
/// One attempt of <see cref="VersionedStore.UpdateWithAsync{T, TRead}"/>: applies the update to the given values and
/// commits the write together with the other record's change, or with the check that it is still at the version it was
/// read at when it has none.
/// </summary>
internal sealed class PairedUpdate<T, TRead>(
    IAtomicDocumentStore store,
    RecentVersions recent,
    string collection,
    string key,
    JsonTypeInfo<T> type,
    DocumentKey read,
    JsonTypeInfo<TRead> readType,
    Func<Versioned<T>, Versioned<TRead>, PairedChange<T, TRead>> apply,
    Func<T, DocumentOptions>? options)
    where T : class
    where TRead : class
{
    /// <summary>The stored value, or null (nothing written, nothing remembered of either record) on a conflict.</summary>
    public async Task<T?> TryCommitAsync(Versioned<T> current, Versioned<TRead> other, CancellationToken cancellationToken)
    {
        var decided = apply(current, other) ?? throw new InvalidOperationException("An update must return a value to store.");
        var next = decided.Value ?? throw new InvalidOperationException("An update must return a value to store.");
        var fields = options?.Invoke(next) ?? new DocumentOptions();
        var write = new DocumentWrite(collection, key, JsonSerializer.Serialize(next, type), current.Version, fields.DueAt, fields.ExpiresAt);
        var changed = decided.ChangeRead is { } change
            ? change(other.Value) ?? throw new InvalidOperationException("A change must return a value to store.")
            : null;
        List<DocumentWrite> writes = [write];
        if (changed is not null)
        {
            writes.Add(new DocumentWrite(read.Collection, read.Key, JsonSerializer.Serialize(changed, readType), other.Version));
        }

        writes.AddRange(decided.Also ?? []);
        var result = await store.CommitAsync(
            new AtomicCommit(writes, changed is null ? [new DocumentCheck(read.Collection, read.Key, other.Version)] : [], [], decided.AlsoRead ?? []),
            cancellationToken);
        if (result is not null)
        {
            recent.Remember(collection, key, result.Versions[0], next);
            if (changed is not null)
            {
                recent.Remember(read.Collection, read.Key, result.Versions[1], changed);
            }

            decided.Committed?.Invoke(result.Read);
            return next;
        }

        recent.Forget(collection, key);
        recent.Forget(read.Collection, read.Key);
        return null;
    }
}
