using FlywheelBot.Channels.BotFramework;
using FlywheelBot.Channels.BotFramework.Inbound;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class ActivityDeduplicatorTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly ActivityDeduplicator _deduplicator;

    public ActivityDeduplicatorTests() =>
        _deduplicator = new ActivityDeduplicator(new InMemoryDocumentStore(_clock), _clock, Options.Create(new StorageOptions { ProcessedActivityRetention = TimeSpan.FromHours(24) }));

    [Fact]
    public async Task An_id_is_claimed_once_per_conversation_until_it_expires()
    {
        var activity = Activity("c1", "a1");

        Assert.True(await _deduplicator.TryClaimAsync(activity, CancellationToken.None));
        Assert.False(await _deduplicator.TryClaimAsync(activity, CancellationToken.None));
        Assert.True(await _deduplicator.TryClaimAsync(Activity("c2", "a1"), CancellationToken.None));

        _clock.Advance(TimeSpan.FromHours(25));
        Assert.True(await _deduplicator.TryClaimAsync(activity, CancellationToken.None));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(48)]
    public async Task A_claim_lasts_exactly_the_storage_retention_for_processed_activities(int hours)
    {
        var store = new InMemoryDocumentStore(_clock);
        var deduplicator = new ActivityDeduplicator(store, _clock, Options.Create(new StorageOptions { ProcessedActivityRetention = TimeSpan.FromHours(hours) }));
        var activity = Activity("c5", "a5");
        Assert.True(await deduplicator.TryClaimAsync(activity, CancellationToken.None));

        var claim = await store.GetAsync(ActivityDeduplicator.Collection, "msteams:c5:a5", CancellationToken.None);
        Assert.Equal(_clock.GetUtcNow().AddHours(hours), claim!.ExpiresAt);
        _clock.Advance(TimeSpan.FromHours(hours) - TimeSpan.FromSeconds(1));
        Assert.False(await deduplicator.TryClaimAsync(activity, CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await store.PurgeExpiredAsync(_clock.GetUtcNow(), CancellationToken.None));
        Assert.True(await deduplicator.TryClaimAsync(activity, CancellationToken.None));
    }

    [Fact]
    public async Task A_released_claim_lets_the_redelivery_through()
    {
        var activity = Activity("c3", "a3");
        await _deduplicator.TryClaimAsync(activity, CancellationToken.None);

        await _deduplicator.ReleaseAsync(activity, CancellationToken.None);

        Assert.True(await _deduplicator.TryClaimAsync(activity, CancellationToken.None));
    }

    [Fact]
    public async Task Activities_without_an_id_are_always_processed()
    {
        var activity = Activity("c4", null);

        Assert.True(await _deduplicator.TryClaimAsync(activity, CancellationToken.None));
        Assert.True(await _deduplicator.TryClaimAsync(activity, CancellationToken.None));
    }

    private static Activity Activity(string conversation, string? id) =>
        new() { Type = "message", Id = id, ChannelId = "msteams", Conversation = new ConversationAccount { Id = conversation } };
}
