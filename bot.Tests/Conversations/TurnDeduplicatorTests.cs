using FlywheelBot.Channels.BotFramework.Inbound;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Storage;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Conversations;

public sealed class TurnDeduplicatorTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly TurnDeduplicator _deduplicator;

    public TurnDeduplicatorTests() =>
        _deduplicator = new TurnDeduplicator(new InMemoryDocumentStore(_clock), _clock, Options.Create(new StorageOptions { ProcessedActivityRetention = TimeSpan.FromHours(24) }));

    [Fact]
    public async Task An_event_id_is_claimed_once_per_channel_until_it_expires()
    {
        Assert.True(await _deduplicator.TryClaimAsync("slack", "Ev1", CancellationToken.None));
        Assert.False(await _deduplicator.TryClaimAsync("slack", "Ev1", CancellationToken.None));
        Assert.True(await _deduplicator.TryClaimAsync("fake", "Ev1", CancellationToken.None));
        Assert.True(await _deduplicator.TryClaimAsync("slack", "Ev2", CancellationToken.None));

        _clock.Advance(TimeSpan.FromHours(25));
        Assert.True(await _deduplicator.TryClaimAsync("slack", "Ev1", CancellationToken.None));
    }

    [Fact]
    public async Task A_Bot_Framework_activity_id_is_claimed_once_per_conversation_under_the_key_stored_before_the_move()
    {
        var store = new InMemoryDocumentStore(_clock);
        var deduplicator = new TurnDeduplicator(store, _clock, Options.Create(new StorageOptions { ProcessedActivityRetention = TimeSpan.FromHours(1) }));

        Assert.True(await Claim(deduplicator, Activity("c1", "a1")));
        Assert.False(await Claim(deduplicator, Activity("c1", "a1")));
        Assert.True(await Claim(deduplicator, Activity("c2", "a1")));

        Assert.NotNull(await store.GetAsync(TurnDeduplicator.Collection, "msteams:c1:a1", CancellationToken.None));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(48)]
    public async Task A_claim_lasts_exactly_the_storage_retention_for_processed_activities(int hours)
    {
        var store = new InMemoryDocumentStore(_clock);
        var deduplicator = new TurnDeduplicator(store, _clock, Options.Create(new StorageOptions { ProcessedActivityRetention = TimeSpan.FromHours(hours) }));
        Assert.True(await deduplicator.TryClaimAsync("msteams", "c5:a5", CancellationToken.None));

        var claim = await store.GetAsync(TurnDeduplicator.Collection, "msteams:c5:a5", CancellationToken.None);
        Assert.Equal(_clock.GetUtcNow().AddHours(hours), claim!.ExpiresAt);
        _clock.Advance(TimeSpan.FromHours(hours) - TimeSpan.FromSeconds(1));
        Assert.False(await deduplicator.TryClaimAsync("msteams", "c5:a5", CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await store.PurgeExpiredAsync(_clock.GetUtcNow(), CancellationToken.None));
        Assert.True(await deduplicator.TryClaimAsync("msteams", "c5:a5", CancellationToken.None));
    }

    [Fact]
    public async Task A_released_claim_lets_the_redelivery_through()
    {
        await _deduplicator.TryClaimAsync("slack", "Ev3", CancellationToken.None);

        await _deduplicator.ReleaseAsync("slack", "Ev3", CancellationToken.None);

        Assert.True(await _deduplicator.TryClaimAsync("slack", "Ev3", CancellationToken.None));
    }

    [Fact]
    public async Task Events_without_an_id_are_always_processed()
    {
        var activity = Activity("c4", null);

        Assert.True(await Claim(_deduplicator, activity));
        Assert.True(await Claim(_deduplicator, activity));
    }

    private static Task<bool> Claim(TurnDeduplicator deduplicator, Activity activity) =>
        deduplicator.TryClaimAsync(activity.ChannelId!, ActivityMapper.EventId(activity), CancellationToken.None);

    private static Activity Activity(string conversation, string? id) =>
        new() { Type = "message", Id = id, ChannelId = "msteams", Conversation = new ConversationAccount { Id = conversation } };
}
