using System.Text.Json;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework.Inbound;

/// <summary>
/// Processes each activity id once: the first delivery claims <c>{channelId}:{conversationId}:{activityId}</c> in the
/// <c>activity-ids</c> collection (insert-if-absent, expiring after <see cref="BotFrameworkOptions.ActivityIdRetention"/>),
/// a redelivery finds it taken. Works across instances sharing a store.
/// </summary>
internal sealed class ActivityDeduplicator(IDocumentStore store, TimeProvider clock, IOptions<BotFrameworkOptions> options)
{
    public const string Collection = "activity-ids";

    public async Task<bool> TryClaimAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            return true;
        }

        var now = clock.GetUtcNow();
        var key = Key(activity);
        var json = JsonSerializer.Serialize(new MarkerRecord(now), BotFrameworkJsonContext.Default.MarkerRecord);
        var result = await store.PutAsync(
            new DocumentWrite(Collection, key, json, ExpectedVersion: 0, ExpiresAt: now + options.Value.ActivityIdRetention),
            cancellationToken);
        return result.Succeeded;
    }

    /// <summary>Gives a claim back when processing failed for a reason other than the turn, so a redelivery is processed.</summary>
    public Task ReleaseAsync(Activity activity, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(activity?.Id)
            ? Task.CompletedTask
            : store.DeleteAsync(Collection, Key(activity), expectedVersion: null, cancellationToken);

    private static string Key(Activity activity) => $"{activity.ChannelId}:{activity.Conversation?.Id}:{activity.Id}";
}
