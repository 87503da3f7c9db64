using System.Collections.Immutable;
using FlywheelBot.Channels.BotFramework.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace FlywheelBot.Tests.Channels.BotFramework.Auth;

/// <summary>
/// The start-up prefetch of signing keys: a request that comes while it runs waits for it (no second fetch, no spacing
/// wait), a failed one leaves the fetch to the request, and it never adds a fetch once one was made.
/// </summary>
public sealed class SigningKeyPrefetchTests
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly Queue<TaskCompletionSource<SigningMetadata>> _fetches = new();
    private int _started;

    [Fact]
    public async Task A_request_during_the_prefetch_waits_for_it_and_causes_no_other_fetch()
    {
        var source = Source();
        var answer = Next();

        source.Prefetch();
        await WaitForStartedAsync(1);
        var find = source.FindAsync("key-1", CancellationToken.None);
        Assert.False(find.IsCompleted);
        answer.SetResult(Metadata("key-1"));

        Assert.NotNull(await find.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, source.Fetches);
        Assert.Equal(1, Volatile.Read(ref _started));
    }

    [Fact]
    public async Task After_the_prefetch_the_first_request_is_answered_from_the_cache()
    {
        var source = Source();
        Next().SetResult(Metadata("key-1"));

        source.Prefetch();
        await WaitForStartedAsync(1);
        var found = await source.FindAsync("key-1", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(found);
        Assert.Equal(1, source.Fetches);
    }

    [Fact]
    public async Task A_failed_prefetch_leaves_the_fetch_to_the_first_request()
    {
        var source = Source();
        Next().SetException(new HttpRequestException("metadata unreachable"));
        var retry = Next();

        source.Prefetch();
        await WaitForStartedAsync(1);
        var find = source.FindAsync("key-1", CancellationToken.None);

        // The retry keeps the spacing after the failed fetch, as any fetch after a failure does.
        await WaitForStartedAsync(2, advance: true);
        retry.SetResult(Metadata("key-1"));

        Assert.NotNull(await find.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, source.Fetches);
    }

    [Fact]
    public async Task A_prefetch_after_a_request_started_fetching_does_nothing()
    {
        var source = Source();
        var answer = Next();

        var find = source.FindAsync("key-1", CancellationToken.None);
        await WaitForStartedAsync(1);
        source.Prefetch();
        answer.SetResult(Metadata("key-1"));

        Assert.NotNull(await find.WaitAsync(TimeSpan.FromSeconds(10)));
        source.Prefetch();
        Assert.Equal(1, source.Fetches);
    }

    [Fact]
    public async Task A_key_the_prefetch_did_not_have_is_fetched_again_as_without_it()
    {
        var source = Source();
        Next().SetResult(Metadata("key-1"));
        var rotated = Next();

        source.Prefetch();
        await WaitForStartedAsync(1);
        var find = source.FindAsync("key-2", CancellationToken.None);
        await WaitForStartedAsync(2, advance: true);
        rotated.SetResult(Metadata("key-1", "key-2"));

        Assert.NotNull(await find.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, source.Fetches);
    }

    private SigningKeySource Source() => new(
        _ =>
        {
            Interlocked.Increment(ref _started);
            lock (_fetches)
            {
                return _fetches.Dequeue().Task;
            }
        },
        _clock,
        Spacing,
        TimeSpan.FromHours(12),
        TimeSpan.FromMinutes(5));

    private TaskCompletionSource<SigningMetadata> Next()
    {
        var next = new TaskCompletionSource<SigningMetadata>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_fetches)
        {
            _fetches.Enqueue(next);
        }

        return next;
    }

    /// <summary>Waits (on real time, bounded) for the fetch function to have been called; optionally moving the fake clock past the spacing.</summary>
    private async Task WaitForStartedAsync(int count, bool advance = false) =>
        await WaitUntilAsync(() =>
        {
            if (advance)
            {
                _clock.Advance(Spacing);
            }

            return Volatile.Read(ref _started) >= count;
        });

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "timed out waiting");
    }

    private static SigningMetadata Metadata(params string[] keyIds) => new(
        keyIds.ToImmutableDictionary(id => id, id => (SecurityKey)new SymmetricSecurityKey(new byte[32]) { KeyId = id }),
        ImmutableDictionary<string, ImmutableArray<string>>.Empty);
}
