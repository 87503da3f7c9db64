using FlywheelBot.Channels.Slack.Api;
using FlywheelBot.Conversations;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack;

/// <summary>
/// <see cref="ISlackInstallations"/> for one workspace, from <c>Slack:BotToken</c>. Who the bot is there (team, bot user,
/// bot id) is learnt once with <c>auth.test</c>, on first use. Events of any other team find no installation. After
/// <c>app_uninstalled</c> or <c>tokens_revoked</c> the token is dead: nothing is found until the process restarts with a new one.
/// </summary>
internal sealed partial class SingleWorkspaceInstallations(
    SlackApiClient api,
    IOptions<SlackOptions> options,
    IEnumerable<IInstallationRemovedListener> listeners,
    ILogger<SingleWorkspaceInstallations> logger) : ISlackInstallations
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SlackInstallation? _known;
    private bool _removed;

    public async ValueTask<SlackInstallation?> FindAsync(string? enterpriseId, string? teamId, CancellationToken cancellationToken)
    {
        var installation = _known ?? await LearnAsync(cancellationToken);
        if (installation is null || _removed)
        {
            return null;
        }

        var matches = teamId is null
            ? enterpriseId is null || enterpriseId == installation.EnterpriseId
            : teamId == installation.TeamId || (enterpriseId is not null && enterpriseId == installation.EnterpriseId);
        return matches ? installation : null;
    }

    public async Task RemoveAsync(string? enterpriseId, string teamId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        var installation = _known ?? await LearnAsync(cancellationToken);
        if (installation is not null && installation.TeamId != teamId && installation.EnterpriseId != enterpriseId)
        {
            return;
        }

        _removed = true;
        LogRemoved(logger, teamId, reason);
        var notice = new InstallationRemoved(SlackConversationKeys.TeamPrefix(teamId), reason);
        foreach (var listener in listeners)
        {
            await listener.OnRemovedAsync(notice, cancellationToken);
        }
    }

    private async Task<SlackInstallation?> LearnAsync(CancellationToken cancellationToken)
    {
        var token = options.Value.BotToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_known is not null)
            {
                return _known;
            }

            var who = await api.AuthTestAsync(token, cancellationToken);
            if (!who.Ok || who.String("team_id") is not { Length: > 0 } team || who.String("user_id") is not { Length: > 0 } user)
            {
                LogAuthTestFailed(logger, who.Error ?? "no team or user");
                return null;
            }

            _known = new SlackInstallation(who.String("enterprise_id") is { Length: > 0 } e ? e : null, team, token, user, who.String("bot_id"));
            LogLearnt(logger, team, user);
            return _known;
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: the bot token belongs to team {TeamId}, bot user {BotUserId}")]
    private static partial void LogLearnt(ILogger logger, string teamId, string botUserId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack: auth.test with Slack:BotToken failed ({Error}); Slack events are ignored until it works")]
    private static partial void LogAuthTestFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: the app was removed from team {TeamId} ({Reason}); its token is no longer used")]
    private static partial void LogRemoved(ILogger logger, string teamId, string reason);
}
