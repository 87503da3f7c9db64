using FlywheelBot.Channels.Slack.Api;
using FlywheelBot.Conversations;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.Slack;

/// <summary>
/// Proactive sends to Slack conversations (check-ins, late replies) through <c>chat.postMessage</c>, with the token of the
/// workspace's installation. <c>not_in_channel</c>, <c>channel_not_found</c>, <c>is_archived</c> (the bot was removed or
/// the channel closed) and a workspace without an installation or with a dead token are "gone", as 403/404 are on Teams;
/// throttling beyond the wait, Slack errors and an unreachable Slack are "retry later".
/// </summary>
internal sealed partial class SlackMessenger(ISlackInstallations installations, SlackSender sender, ILogger<SlackMessenger> logger) : IProactiveMessenger
{
    public async Task<SendOutcome> SendAsync(ConversationAddress address, ViewModel view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Route is not SlackRoute route)
        {
            LogNotSlack(logger, address.Route.GetType().Name);
            return SendOutcome.Gone;
        }

        var installation = await installations.FindAsync(route.EnterpriseId, route.TeamId, cancellationToken);
        if (installation is null)
        {
            LogNoInstallation(logger, route.TeamId);
            return SendOutcome.Gone;
        }

        var result = await sender.PostAsync(new SlackTarget(installation, route.ChannelId, route.ThreadTs, route.UserId, null, null), view, cancellationToken);
        return result.Failure switch
        {
            SlackApiFailure.None => SendOutcome.Sent,
            SlackApiFailure.ConversationGone or SlackApiFailure.InstallGone => SendOutcome.Gone,
            _ => SendOutcome.RetryLater,
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The Slack messenger got an address with a {Route} route")]
    private static partial void LogNotSlack(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack send to team {TeamId} skipped: the app has no installation there")]
    private static partial void LogNoInstallation(ILogger logger, string teamId);
}
