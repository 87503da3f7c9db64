using System.Collections.Concurrent;

namespace FlywheelBot.Storage;

/// <summary>
/// The last value this process read or wrote per record, with its version: the optimistic starting point of the next
/// read-modify-write of that record, which then needs no read. Never trusted on its own: the write is conditional on
/// the cached version, so a record another instance (or anything else) changed meanwhile is a version conflict, and the
/// update re-reads. Values are immutable records, shared, never copied. Bounded, in two generations of half the capacity
/// each: when the newer one is full it becomes the older one and the older one is dropped, so memory stays flat however
/// many conversations there are, and a record remembered a moment ago (read with a turn's claim, say, and about to be
/// used by its commit) is still there: forgetting everything at once made every turn in flight at that moment read again.
/// </summary>
internal sealed class RecentVersions(int capacity = RecentVersions.DefaultCapacity)
{
    public const int DefaultCapacity = 1024;

    private readonly int _generation = Math.Max(1, capacity / 2);
    private readonly Lock _rotation = new();
    private ConcurrentDictionary<(string Collection, string Key), Entry> _current = new();
    private ConcurrentDictionary<(string Collection, string Key), Entry> _older = new();

    // ConcurrentDictionary.Count takes every lock of the table: count additions instead (an estimate is enough here).
    private int _added;

    /// <summary>How many records are remembered (for tests: bounded by the capacity).</summary>
    public int Count => Volatile.Read(ref _current).Count + Volatile.Read(ref _older).Count;

    public bool TryGet<T>(string collection, string key, out Versioned<T> value)
        where T : class
    {
        if (TryFind(collection, key, out var entry) && entry.Value is T typed)
        {
            value = new Versioned<T>(typed, entry.Version, WasUnreadable: false);
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>Like <see cref="TryGet{T}"/>, but a record remembered as absent (<see cref="RememberAbsent"/>) is found too, as null at version 0.</summary>
    public bool TryGetOrAbsent<T>(string collection, string key, out Versioned<T> value)
        where T : class
    {
        if (TryFind(collection, key, out var entry) && ReferenceEquals(entry.Value, Absent))
        {
            value = new Versioned<T>(null, 0, WasUnreadable: false);
            return true;
        }

        return TryGet(collection, key, out value);
    }

    /// <summary>A record remembered as read but not yet deserialized (<see cref="Remember"/> with a <see cref="StoredDocument"/>).</summary>
    public bool TryGetStored(string collection, string key, out StoredDocument document)
    {
        if (TryFind(collection, key, out var entry) && entry.Value is StoredDocument stored)
        {
            document = stored;
            return true;
        }

        document = null!;
        return false;
    }

    /// <summary>Whether anything is remembered of the record (a value, a stored document, or its absence).</summary>
    public bool Contains(string collection, string key) => TryFind(collection, key, out _);

    /// <summary>Remembers that the record was absent (or expired) when last read; forgets any version known before.</summary>
    public void RememberAbsent(string collection, string key)
    {
        Forget(collection, key);
        Remember(collection, key, 0, Absent);
    }

    /// <summary>Remembers <paramref name="value"/> at <paramref name="version"/> unless a newer version is already known.</summary>
    public void Remember(string collection, string key, long version, object value)
    {
        if (Volatile.Read(ref _added) >= _generation)
        {
            Rotate();
        }

        var entry = new Entry(version, value);
        Volatile.Read(ref _current).AddOrUpdate(
            (collection, key),
            _ =>
            {
                Interlocked.Increment(ref _added);
                return entry;
            },
            (_, known) => known.Version > version ? known : entry);
    }

    public void Forget(string collection, string key)
    {
        Volatile.Read(ref _current).TryRemove((collection, key), out _);
        Volatile.Read(ref _older).TryRemove((collection, key), out _);
    }

    /// <summary>The newer generation's entry, else the older one's (a record written again lands in the newer one).</summary>
    private bool TryFind(string collection, string key, out Entry entry) =>
        Volatile.Read(ref _current).TryGetValue((collection, key), out entry!)
        || Volatile.Read(ref _older).TryGetValue((collection, key), out entry!);

    private void Rotate()
    {
        lock (_rotation)
        {
            if (Volatile.Read(ref _added) < _generation)
            {
                return;
            }

            Volatile.Write(ref _older, _current);
            Volatile.Write(ref _current, new ConcurrentDictionary<(string Collection, string Key), Entry>());
            Interlocked.Exchange(ref _added, 0);
        }
    }

    private static readonly object Absent = new();

    private sealed record Entry(long Version, object Value);
}
