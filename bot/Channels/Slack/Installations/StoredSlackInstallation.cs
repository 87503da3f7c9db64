namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// One installation as stored (collection <c>slack_installations</c>): what <c>@slack/oauth</c>'s installation keeps
/// for a bot, with the tokens encrypted by ASP.NET Core Data Protection (<see cref="SlackTokenProtector"/>), never in clear.
/// Workspace installs are keyed by team, org-wide installs by enterprise (<see cref="SlackInstallationKeys"/>).
/// </summary>
/// <param name="BotTokenExpiresAt">With token rotation on: when the bot token dies (Slack: 12 h after it was issued).</param>
/// <param name="Refresh">An instance is refreshing the token pair right now (until the lease ends); others wait for it.</param>
internal sealed record StoredSlackInstallation(
    string? EnterpriseId,
    string? EnterpriseName,
    string? TeamId,
    string? TeamName,
    bool IsEnterpriseInstall,
    string? EnterpriseUrl,
    string? AppId,
    string BotUserId,
    string? BotId,
    IReadOnlyList<string> BotScopes,
    string? InstallerUserId,
    DateTimeOffset InstalledAt,
    string ProtectedBotToken,
    string? ProtectedRefreshToken,
    DateTimeOffset? BotTokenExpiresAt,
    RefreshLease? Refresh,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Token rotation is on for this installation (Slack gave a refresh token and an expiry).</summary>
    public bool Rotates => ProtectedRefreshToken is not null && BotTokenExpiresAt is not null;
}
