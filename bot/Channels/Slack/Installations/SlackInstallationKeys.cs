namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// Where installations live in the document store. A workspace install is found by its team id (unique across Slack,
/// Enterprise Grid included); an org-wide install by its enterprise id, and it serves every workspace of the org.
/// </summary>
internal static class SlackInstallationKeys
{
    public const string Collection = "slack_installations";

    public static string ForTeam(string teamId) => "team:" + teamId;

    public static string ForEnterprise(string enterpriseId) => "enterprise:" + enterpriseId;

    /// <summary>The key an installation is stored under.</summary>
    public static string For(StoredSlackInstallation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return installation.IsEnterpriseInstall && installation.EnterpriseId is { Length: > 0 } enterprise
            ? ForEnterprise(enterprise)
            : ForTeam(installation.TeamId ?? throw new ArgumentException("A workspace installation needs a team id.", nameof(installation)));
    }

    /// <summary>The keys to try for an event, most specific first: the workspace's own install, then its org's.</summary>
    public static IEnumerable<string> Lookup(string? enterpriseId, string? teamId)
    {
        if (!string.IsNullOrEmpty(teamId))
        {
            yield return ForTeam(teamId);
        }

        if (!string.IsNullOrEmpty(enterpriseId))
        {
            yield return ForEnterprise(enterpriseId);
        }
    }
}
