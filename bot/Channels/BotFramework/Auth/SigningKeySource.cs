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
    private Task<SigningMetadata>? _first;

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

        metadata ??= await FirstFetchAsync(cancellationToken) ?? await FetchStartingAfterNowAsync(cancellationToken);
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

    /// <summary>
    /// Starts the first fetch now, before any request needs the keys (at start-up: the first turn then does not wait for
    /// the metadata and key set to come over the network). Does nothing once any fetch was scheduled. A request that
    /// comes while this fetch runs waits for it instead of scheduling another one a spacing later; when it fails, the
    /// request fetches as if there had been no prefetch.
    /// </summary>
    public void Prefetch()
    {
        lock (_gate)
        {
            if (_first is not null || _pending is not null || !_latest.IsCompleted || _current is not null)
            {
                return;
            }
        }

        var first = FetchStartingAfterNowAsync(CancellationToken.None);
        lock (_gate)
        {
            _first ??= first;
        }

        // Observed here: a failed prefetch is no one's error (the first request fetches again and reports its own).
        _ = first.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>The prefetch's metadata, awaited while it runs; null when there was none, it failed, or what it fetched is too old.</summary>
    private async Task<SigningMetadata?> FirstFetchAsync(CancellationToken cancellationToken)
    {
        Task<SigningMetadata>? first;
        lock (_gate)
        {
            first = _first;
        }

        if (first is null || first.IsFaulted || first.IsCanceled)
        {
            return null;
        }

        if (first.IsCompletedSuccessfully)
        {
            // Done: its result is the cache, which the caller found missing or too old (or it was set just now).
            lock (_gate)
            {
                return _current is { } cached && clock.GetUtcNow() - cached.FetchedAt < maxAge ? cached.Metadata : null;
            }
        }

        try
        {
            return await first.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
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
