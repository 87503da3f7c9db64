using System.Globalization;
using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack.Inbound;

/// <summary>
/// Handles each Events API delivery once: the first claims <c>slack:{event_id}</c> in the <c>activity-ids</c> collection
/// (an atomic insert-if-absent, so Slack's 3-second timeout retry that arrives while the first delivery still runs finds
/// it taken, on any instance sharing the store). Claims expire after <c>Storage:ProcessedActivityRetention</c>.
/// </summary>
internal sealed class SlackEventDeduplicator(IDocumentStore store, TimeProvider clock, IOptions<StorageOptions> options)
{
    public const string Collection = "activity-ids";

    public async Task<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var now = clock.GetUtcNow();
        var json = $"{{\"at\":{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}}}";
        var write = new DocumentWrite(Collection, $"slack:{eventId}", json, ExpectedVersion: 0, ExpiresAt: now + options.Value.ProcessedActivityRetention);
        return (await store.PutAsync(write, cancellationToken)).Succeeded;
    }
}
