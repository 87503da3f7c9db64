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
        var result = await store.PutAsync(Insert(collection, key, at, expiresAt), cancellationToken);
        return result.Succeeded;
    }

    /// <summary>The insert-if-absent of a marker written at <paramref name="at"/>.</summary>
    public static DocumentWrite Insert(string collection, string key, DateTimeOffset at, DateTimeOffset? expiresAt) =>
        new(collection, key, JsonSerializer.Serialize(new MarkerRecord(at), ConversationsJsonContext.Default.MarkerRecord), ExpectedVersion: 0, ExpiresAt: expiresAt);
}
