namespace FlywheelBot.Channels.Slack;

/// <summary>
/// Where the Slack channel finds the installation (bot token) of the workspace an event, command or send belongs to.
/// One workspace from settings (<c>Slack:BotToken</c>), or any number installed through OAuth.
/// </summary>
public interface ISlackInstallations
{
    /// <summary>The installation for a workspace (or, for an org-wide install, its enterprise); null when there is none.</summary>
    ValueTask<SlackInstallation?> FindAsync(string? enterpriseId, string? teamId, CancellationToken cancellationToken);

    /// <summary>The app was uninstalled or its tokens revoked: forget the installation.</summary>
    Task RemoveAsync(string? enterpriseId, string teamId, string reason, CancellationToken cancellationToken);
}
