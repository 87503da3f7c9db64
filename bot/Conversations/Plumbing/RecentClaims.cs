using System.Collections.Concurrent;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// The event claims this process stored lately, so that a redelivery to the same instance is dropped before its turn
/// runs, without asking the store. Only ever says "claimed": a claim not found here is asked of the store as always
/// (another instance's claims are never here). An entry counts until its claim's expiry; a released claim is forgotten.
/// Bounded like <see cref="Storage.RecentVersions"/>: two generations of half the capacity, the older dropped when the
/// newer one is full.
/// </summary>
internal sealed class RecentClaims(int capacity = RecentClaims.DefaultCapacity)
{
    public const int DefaultCapacity = 4096;

    private readonly int _generation = Math.Max(1, capacity / 2);
    private readonly Lock _rotation = new();
    private ConcurrentDictionary<string, DateTimeOffset> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, DateTimeOffset> _older = new(StringComparer.Ordinal);
    private int _added;

    /// <summary>How many claims are remembered (for tests: bounded by the capacity).</summary>
    public int Count => Volatile.Read(ref _current).Count + Volatile.Read(ref _older).Count;

    public bool Contains(string key, DateTimeOffset now) =>
        (Volatile.Read(ref _current).TryGetValue(key, out var expires) || Volatile.Read(ref _older).TryGetValue(key, out expires))
        && expires > now;

    public void Remember(string key, DateTimeOffset expiresAt)
    {
        Volatile.Read(ref _current)[key] = expiresAt;
        if (Interlocked.Increment(ref _added) < _generation)
        {
            return;
        }

        lock (_rotation)
        {
            if (Volatile.Read(ref _added) < _generation)
            {
                return;
            }

            Volatile.Write(ref _older, _current);
            Volatile.Write(ref _current, new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal));
            Volatile.Write(ref _added, 0);
        }
    }

    public void Forget(string key)
    {
        Volatile.Read(ref _current).TryRemove(key, out _);
        Volatile.Read(ref _older).TryRemove(key, out _);
    }
}
