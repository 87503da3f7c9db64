using System.Collections.Concurrent;

namespace FlywheelBot.Storage;

/// <summary>
/// The last value this process read or wrote per record, with its version: the optimistic starting point of the next
/// read-modify-write of that record, which then needs no read. Never trusted on its own: the write is conditional on
/// the cached version, so a record another instance (or anything else) changed meanwhile is a version conflict, and the
/// update re-reads. Values are immutable records, shared, never copied. Bounded: when full it forgets everything and
/// fills again (the busy records come straight back), so memory stays flat however many conversations there are.
/// </summary>
internal sealed class RecentVersions(int capacity = RecentVersions.DefaultCapacity)
{
    public const int DefaultCapacity = 1024;

    private readonly ConcurrentDictionary<(string Collection, string Key), Entry> _entries = new();

    // ConcurrentDictionary.Count takes every lock of the table: count additions instead (an estimate is enough here).
    private int _added;

    /// <summary>How many records are remembered (for tests: bounded by the capacity).</summary>
    public int Count => _entries.Count;

    public bool TryGet<T>(string collection, string key, out Versioned<T> value)
        where T : class
    {
        if (_entries.TryGetValue((collection, key), out var entry) && entry.Value is T typed)
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
        if (_entries.TryGetValue((collection, key), out var entry) && ReferenceEquals(entry.Value, Absent))
        {
            value = new Versioned<T>(null, 0, WasUnreadable: false);
            return true;
        }

        return TryGet(collection, key, out value);
    }

    /// <summary>A record remembered as read but not yet deserialized (<see cref="Remember"/> with a <see cref="StoredDocument"/>).</summary>
    public bool TryGetStored(string collection, string key, out StoredDocument document)
    {
        if (_entries.TryGetValue((collection, key), out var entry) && entry.Value is StoredDocument stored)
        {
            document = stored;
            return true;
        }

        document = null!;
        return false;
    }

    /// <summary>Whether anything is remembered of the record (a value, a stored document, or its absence).</summary>
    public bool Contains(string collection, string key) => _entries.ContainsKey((collection, key));

    /// <summary>Remembers that the record was absent (or expired) when last read; forgets any version known before.</summary>
    public void RememberAbsent(string collection, string key)
    {
        Forget(collection, key);
        Remember(collection, key, 0, Absent);
    }

    /// <summary>Remembers <paramref name="value"/> at <paramref name="version"/> unless a newer version is already known.</summary>
    public void Remember(string collection, string key, long version, object value)
    {
        if (Volatile.Read(ref _added) >= capacity)
        {
            Interlocked.Exchange(ref _added, 0);
            _entries.Clear();
        }

        var entry = new Entry(version, value);
        _entries.AddOrUpdate(
            (collection, key),
            _ =>
            {
                Interlocked.Increment(ref _added);
                return entry;
            },
            (_, known) => known.Version > version ? known : entry);
    }

    public void Forget(string collection, string key) => _entries.TryRemove((collection, key), out _);

    private static readonly object Absent = new();

    private sealed record Entry(long Version, object Value);
}
