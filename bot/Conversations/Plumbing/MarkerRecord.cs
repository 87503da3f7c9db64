using System.Text.Json;
using FlywheelBot.Storage;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>The stored body of a marker record (an install, a processed activity id): when it was written.</summary>
internal sealed record MarkerRecord(DateTimeOffset At)
{
    /// <summary>Writes a marker only if none exists (insert-if-absent); true when this call wrote it.</summary>
    public static async Task<bool> TryInsertAsync(
        IDocumentStore store, string collection, string key, DateTimeOffset at, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var json = JsonSerializer.Serialize(new MarkerRecord(at), ConversationsJsonContext.Default.MarkerRecord);
        var result = await store.PutAsync(new DocumentWrite(collection, key, json, ExpectedVersion: 0, ExpiresAt: expiresAt), cancellationToken);
        return result.Succeeded;
    }
}
