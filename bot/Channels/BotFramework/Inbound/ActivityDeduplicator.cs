using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework.Inbound;

/// <summary>
/// Processes each activity id once: the first delivery claims <c>{channelId}:{conversationId}:{activityId}</c> in the
/// <c>activity-ids</c> collection (insert-if-absent), a redelivery finds it taken. Works across instances sharing a store.
/// Claims expire after <see cref="StorageOptions.ProcessedActivityRetention"/> (<c>Storage:ProcessedActivityRetention</c>,
/// the one retention setting for processed activity ids) and are then removed by the storage purge.
/// </summary>
internal sealed class ActivityDeduplicator(IDocumentStore store, TimeProvider clock, IOptions<StorageOptions> options)
{
    public const string Collection = "activity-ids";

    public Task<bool> TryClaimAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            return Task.FromResult(true);
        }

        var now = clock.GetUtcNow();
        return MarkerRecord.TryInsertAsync(store, Collection, Key(activity), now, now + options.Value.ProcessedActivityRetention, cancellationToken);
    }

    /// <summary>Gives a claim back when processing failed for a reason other than the turn, so a redelivery is processed.</summary>
    public Task ReleaseAsync(Activity activity, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(activity?.Id)
            ? Task.CompletedTask
            : store.DeleteAsync(Collection, Key(activity), expectedVersion: null, cancellationToken);

    private static string Key(Activity activity) => $"{activity.ChannelId}:{activity.Conversation?.Id}:{activity.Id}";
}
