using FlywheelBot.Storage;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// Remembers which conversations the bot is installed in (collection <c>installs</c>) so the welcome is sent once per
/// install, even when a client announces it twice (installationUpdate and conversationUpdate). Removal forgets it.
/// </summary>
internal sealed class InstallRegistry(IDocumentStore store, TimeProvider clock)
{
    public const string Collection = "installs";

    /// <summary>True the first time for a conversation (insert-if-absent): the caller welcomes.</summary>
    public Task<bool> TryMarkInstalledAsync(string conversationKey, CancellationToken cancellationToken) =>
        MarkerRecord.TryInsertAsync(store, Collection, conversationKey, clock.GetUtcNow(), expiresAt: null, cancellationToken);

    public Task ForgetAsync(string conversationKey, CancellationToken cancellationToken) =>
        store.DeleteAsync(Collection, conversationKey, expectedVersion: null, cancellationToken);
}
