using System.Collections.Concurrent;

namespace FlywheelBot.Channels.BotFramework.Auth;

/// <summary>
/// The signing keys published at one OpenID metadata address, fetched on first use and again when they are older than
/// <c>maxAge</c>. Key rotation (PROTOCOLS.md, Authentication): a key id that is not in the cached set waits for a fetch
/// that starts after it was seen, so a key published a moment ago is accepted at first sight. Fetches are shared by
/// every request waiting at the time and spaced at least <c>minSpacing</c> apart, so junk tokens with made-up key ids
/// cost at most one fetch per spacing and cannot use up anything a real key needs; a key id still unknown after such a
/// fetch is remembered for <c>unknownMemory</c> and answered at once (the negative cache is per key id).
/// Throws when the metadata cannot be fetched; the caller fails closed.
/// </summary>
internal sealed class SigningKeySource(
    Func<CancellationToken, Task<SigningMetadata>> fetch,
    TimeProvider clock,
    TimeSpan minSpacing,
    TimeSpan maxAge,
    TimeSpan unknownMemory)
{
    /// <summary>Key ids longer than this are never looked up (real ones are short); they are simply unknown.</summary>
    public const int MaxKeyIdLength = 256;

    /// <summary>At most this many unknown key ids are remembered; beyond it the memory starts over.</summary>
    public const int MaxRemembered = 10_000;

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unknown = new(StringComparer.Ordinal);
    private (SigningMetadata Metadata, DateTimeOffset FetchedAt)? _current;
    private Task<SigningMetadata>? _pending;
    private Task _latest = Task.CompletedTask;
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;

    /// <summary>How many fetches have started (for tests and diagnostics).</summary>
    public int Fetches { get; private set; }

    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        if (keyId.Length > MaxKeyIdLength)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        SigningMetadata? metadata;
        lock (_gate)
        {
            metadata = _current is { } cached && now - cached.FetchedAt < maxAge ? cached.Metadata : null;
        }

        metadata ??= await FetchStartingAfterNowAsync(cancellationToken);
        if (Lookup(metadata, keyId) is { } found)
        {
            return found;
        }

        if (_unknown.TryGetValue(keyId, out var until) && until > now)
        {
            return null;
        }

        metadata = await FetchStartingAfterNowAsync(cancellationToken);
        if (Lookup(metadata, keyId) is { } rotated)
        {
            _unknown.TryRemove(keyId, out _);
            return rotated;
        }

        Remember(keyId, clock.GetUtcNow() + unknownMemory);
        return null;
    }

    private static SigningKey? Lookup(SigningMetadata metadata, string keyId) =>
        metadata.Keys.TryGetValue(keyId, out var key)
            ? new SigningKey(key, metadata.Endorsements.TryGetValue(keyId, out var endorsed) ? endorsed : null)
            : null;

    private void Remember(string keyId, DateTimeOffset until)
    {
        if (_unknown.Count >= MaxRemembered)
        {
            var now = clock.GetUtcNow();
            foreach (var (id, expiry) in _unknown)
            {
                if (expiry <= now)
                {
                    _unknown.TryRemove(id, out _);
                }
            }

            if (_unknown.Count >= MaxRemembered)
            {
                _unknown.Clear();
            }
        }

        _unknown[keyId] = until;
    }

    /// <summary>
    /// Joins the fetch that has not started yet (every caller that joins it was here before it started), or schedules
    /// one after the running fetch and the spacing.
    /// </summary>
    private Task<SigningMetadata> FetchStartingAfterNowAsync(CancellationToken cancellationToken)
    {
        Task<SigningMetadata> pending;
        lock (_gate)
        {
            if (_pending is null)
            {
                var previous = _latest;
                _pending = FetchAfterAsync(previous);
                _latest = _pending;
            }

            pending = _pending;
        }

        // The fetch itself is shared and not cancelled by one caller giving up.
        return pending.WaitAsync(cancellationToken);
    }

    private async Task<SigningMetadata> FetchAfterAsync(Task previous)
    {
        await Task.Yield();
        try
        {
            await previous.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The previous fetch's failure was reported to its own callers.
        }

        DateTimeOffset start;
        lock (_gate)
        {
            start = clock.GetUtcNow();
        }

        var wait = _lastStart + minSpacing - start;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock).ConfigureAwait(false);
        }

        lock (_gate)
        {
            // From here on, new callers schedule the next fetch: this one may not have seen their key yet.
            _pending = null;
            _lastStart = clock.GetUtcNow();
            Fetches++;
        }

        var metadata = await fetch(CancellationToken.None).ConfigureAwait(false);
        lock (_gate)
        {
            _current = (metadata, clock.GetUtcNow());
        }

        return metadata;
    }
}
