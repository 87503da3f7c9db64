using FlywheelBot.Conversations;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// <see cref="ISlackInstallations"/> for an app distributed with OAuth: every workspace that installed it has its own
/// stored installation, found by the team (or, for an org-wide install, the enterprise) of each event, command or send.
/// Tokens are decrypted only here, refreshed first when rotation is on and they are due
/// (<see cref="SlackTokenRefresher"/>). Removing an installation tells the <see cref="IInstallationRemovedListener"/>s
/// (check-ins pause with the reason).
/// </summary>
internal sealed partial class OAuthSlackInstallations(
    SlackInstallationStore store,
    SlackTokenRefresher refresher,
    SlackTokenProtector tokens,
    IEnumerable<IInstallationRemovedListener> listeners,
    ILogger<OAuthSlackInstallations> logger) : ISlackInstallations
{
    public async ValueTask<SlackInstallation?> FindAsync(string? enterpriseId, string? teamId, CancellationToken cancellationToken)
    {
        foreach (var key in SlackInstallationKeys.Lookup(enterpriseId, teamId))
        {
            var (stored, version) = await store.ReadAsync(key, cancellationToken);
            if (stored is null)
            {
                continue;
            }

            var fresh = await refresher.EnsureFreshAsync(key, stored, version, cancellationToken);
            if (fresh is null)
            {
                return null;
            }

            if (tokens.TryUnprotect(fresh.ProtectedBotToken) is not { } token)
            {
                LogUndecryptable(key);
                return null;
            }

            return new SlackInstallation(
                fresh.EnterpriseId ?? enterpriseId,
                teamId ?? fresh.TeamId ?? fresh.EnterpriseId ?? string.Empty,
                token,
                fresh.BotUserId,
                fresh.BotId);
        }

        return null;
    }

    public async Task RemoveAsync(string? enterpriseId, string teamId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        var removed = await store.DeleteAsync(SlackInstallationKeys.ForTeam(teamId), cancellationToken)
            || (!string.IsNullOrEmpty(enterpriseId) && await store.DeleteAsync(SlackInstallationKeys.ForEnterprise(enterpriseId), cancellationToken));
        LogRemoved(teamId, enterpriseId, removed, reason);

        var notice = new InstallationRemoved(SlackConversationKeys.TeamPrefix(teamId), reason);
        foreach (var listener in listeners)
        {
            await listener.OnRemovedAsync(notice, cancellationToken);
        }
    }

    /// <summary>Stores a new installation (a first install, or a reinstall replacing the old tokens).</summary>
    public async Task SaveAsync(StoredSlackInstallation installation, CancellationToken cancellationToken)
    {
        var key = SlackInstallationKeys.For(installation);
        await store.TryWriteAsync(key, installation, expectedVersion: null, cancellationToken);
        LogSaved(key, installation.IsEnterpriseInstall, installation.Rotates);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack installation {Key} saved (org-wide: {OrgWide}, token rotation: {Rotates})")]
    private partial void LogSaved(string key, bool orgWide, bool rotates);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack installation of team {TeamId} (enterprise {EnterpriseId}) removed: {Removed}; reason: {Reason}")]
    private partial void LogRemoved(string teamId, string? enterpriseId, bool removed, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The bot token of {Key} cannot be decrypted (Data Protection key ring lost or replaced?); the workspace must reinstall the app")]
    private partial void LogUndecryptable(string key);
}
