using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// Processes each inbound event once, for every channel: the first delivery claims <c>{channel}:{eventId}</c> in the
/// <c>activity-ids</c> collection (insert-if-absent), a redelivery finds it taken. Works across instances sharing a store.
/// The channel chooses an event id unique within it (Bot Framework: <c>{conversationId}:{activityId}</c>, so the key is
/// the one stored before this class was shared). Claims expire after <see cref="StorageOptions.ProcessedActivityRetention"/>
/// (<c>Storage:ProcessedActivityRetention</c>, the one retention setting for processed ids) and are then removed by the
/// storage purge. The claims this process stored lately are remembered (<see cref="RecentClaims"/>): a redelivery to
/// the same instance is dropped without a round trip.
/// </summary>
internal sealed class TurnDeduplicator(IDocumentStore store, TimeProvider clock, IOptions<StorageOptions> options)
{
    public const string Collection = "activity-ids";

    private readonly RecentClaims _recent = new();

    /// <summary>True the first time this event is seen (process it); an empty event id is always processed.</summary>
    public Task<bool> TryClaimAsync(string channel, string? eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        if (string.IsNullOrEmpty(eventId))
        {
            return Task.FromResult(true);
        }

        return ClaimAsync(Key(channel, eventId), cancellationToken);
    }

    private async Task<bool> ClaimAsync(string key, CancellationToken cancellationToken)
    {
        if (ClaimedHere(key))
        {
            return false;
        }

        var claim = Claim(key);
        var claimed = (await store.PutAsync(claim, cancellationToken)).Succeeded;
        if (claimed)
        {
            Stored(claim);
        }

        return claimed;
    }

    /// <summary>The claim of the event with key <paramref name="key"/> (<see cref="Key"/>): an insert-if-absent marker, expiring after the retention.</summary>
    public DocumentWrite Claim(string key)
    {
        var now = clock.GetUtcNow();
        return MarkerRecord.Insert(Collection, key, now, now + options.Value.ProcessedActivityRetention);
    }

    /// <summary>True when this process stored the claim of <paramref name="key"/> and it has not expired: a redelivery.</summary>
    public bool ClaimedHere(string key) => _recent.Contains(key, clock.GetUtcNow());

    /// <summary>Remembers a <see cref="Claim"/> this process stored (here, or with a turn's batch or commit, see <see cref="TurnStart"/>).</summary>
    public void Stored(DocumentWrite claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        _recent.Remember(claim.Key, claim.ExpiresAt ?? DateTimeOffset.MaxValue);
    }

    /// <summary>Gives a claim back when processing failed for a reason other than the turn, so a redelivery is processed.</summary>
    public Task ReleaseAsync(string channel, string? eventId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(eventId))
        {
            return Task.CompletedTask;
        }

        var key = Key(channel, eventId);
        _recent.Forget(key);
        return store.DeleteAsync(Collection, key, expectedVersion: null, cancellationToken);
    }

    public static string Key(string channel, string eventId) => $"{channel}:{eventId}";
}
