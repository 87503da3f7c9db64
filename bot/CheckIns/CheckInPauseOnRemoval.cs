using FlywheelBot.Conversations;
using FlywheelBot.Storage;

namespace FlywheelBot.CheckIns;

/// <summary>
/// When a channel loses its installation (uninstalled, tokens revoked), every check-in of the conversations it can no
/// longer reach is paused with the reason, which <c>check-in status</c> shows; nothing is deleted, so a reinstall and
/// <c>resume</c> bring them back.
/// </summary>
internal sealed partial class CheckInPauseOnRemoval(IDocumentStore store, CheckInRepository repository, ILogger<CheckInPauseOnRemoval> logger)
    : IInstallationRemovedListener
{
    /// <summary>More check-in subscriptions than one installation ever has; the rest would pause on their next send.</summary>
    public const int MaxSubscriptions = 10_000;

    public async Task OnRemovedAsync(InstallationRemoved removed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removed);
        var subscriptions = await store.ListAsync(CheckInRepository.Collection, removed.ConversationKeyPrefix, MaxSubscriptions, cancellationToken);
        var paused = 0;
        foreach (var document in subscriptions)
        {
            var stored = await repository.UpdateAsync(
                document.Key,
                current => current is null || (current.State == CheckInState.Paused && current.PauseReason == removed.Reason)
                    ? current
                    : CheckInPlanner.Pause(current, removed.Reason),
                cancellationToken);
            if (stored is { State: CheckInState.Paused })
            {
                paused++;
            }
        }

        LogPaused(paused, removed.Reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} check-in subscription(s) paused: {Reason}")]
    private partial void LogPaused(int count, string reason);
}
