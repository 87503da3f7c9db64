namespace FlywheelBot.Storage;

/// <summary>
/// Per-key async mutual exclusion within this process. An entry lives only while someone holds or waits for its
/// key, so the map does not grow with the number of conversations ever seen.
/// </summary>
internal sealed class KeyedLock
{
    private readonly Dictionary<(string, string), Entry> _entries = [];
    private readonly Lock _gate = new();

    /// <summary>The number of keys currently held or awaited (for tests).</summary>
    public int ActiveKeys
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public async Task<IDisposable> AcquireAsync(string collection, string key, CancellationToken cancellationToken)
    {
        var id = (collection, key);
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(id, out entry!))
            {
                entry = new Entry();
                _entries[id] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(id, entry);
            throw;
        }

        return new Releaser(this, id, entry);
    }

    private void Leave((string, string) id, Entry entry)
    {
        lock (_gate)
        {
            entry.Users--;
            if (entry.Users == 0)
            {
                _entries.Remove(id);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(KeyedLock owner, (string, string) id, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Leave(id, entry);
            }
        }
    }
}
