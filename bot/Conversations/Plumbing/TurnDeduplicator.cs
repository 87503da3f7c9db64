using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// Processes each inbound event once, for every channel: the first delivery claims <c>{channel}:{eventId}</c> in the
/// <c>activity-ids</c> collection (insert-if-absent), a redelivery finds it taken. Works across instances sharing a store.
/// The channel chooses an event id unique within it (Bot Framework: <c>{conversationId}:{activityId}</c>, so the key is
/// the one stored before this class was shared). Claims expire after <see cref="StorageOptions.ProcessedActivityRetention"/>
/// (<c>Storage:ProcessedActivityRetention</c>, the one retention setting for processed ids) and are then removed by the
/// storage purge.
/// </summary>
internal sealed class TurnDeduplicator(IDocumentStore store, TimeProvider clock, IOptions<StorageOptions> options)
{
    public const string Collection = "activity-ids";

    /// <summary>True the first time this event is seen (process it); an empty event id is always processed.</summary>
    public Task<bool> TryClaimAsync(string channel, string? eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        if (string.IsNullOrEmpty(eventId))
        {
            return Task.FromResult(true);
        }

        var now = clock.GetUtcNow();
        return MarkerRecord.TryInsertAsync(store, Collection, Key(channel, eventId), now, now + options.Value.ProcessedActivityRetention, cancellationToken);
    }

    /// <summary>Gives a claim back when processing failed for a reason other than the turn, so a redelivery is processed.</summary>
    public Task ReleaseAsync(string channel, string? eventId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(eventId)
            ? Task.CompletedTask
            : store.DeleteAsync(Collection, Key(channel, eventId), expectedVersion: null, cancellationToken);

    public static string Key(string channel, string eventId) => $"{channel}:{eventId}";
}
