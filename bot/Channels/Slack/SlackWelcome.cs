using FlywheelBot.Advisor;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Storage;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.Slack;

/// <summary>
/// The first-install welcome: the first time a user opens the app (<c>app_home_opened</c>, Home or Messages tab) and has
/// never talked to the bot, a short message in their DM says what the bot does, with Start, Learn and check-in buttons.
/// Once per user and workspace, never repeated: an insert-if-absent marker in <c>slack-welcomed</c> (kept, not expiring)
/// decides, so the Home and Messages tabs opened together still greet once. Someone who already has a conversation
/// with the bot (a saved address or team profile for their DM) is not greeted.
/// </summary>
internal sealed partial class SlackWelcome(
    IDocumentStore store,
    IConversationDirectory directory,
    ITeamProfileStore profiles,
    SlackSender sender,
    TimeProvider clock,
    ILogger<SlackWelcome> logger)
{
    public const string Collection = "slack-welcomed";

    public async Task GreetOnceAsync(SlackInstallation installation, string userId, string? dmChannel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        if (string.IsNullOrEmpty(dmChannel) || !dmChannel.StartsWith('D'))
        {
            return;
        }

        var key = SlackConversationKeys.For(installation.TeamId, dmChannel);
        if (await directory.FindAsync(key, cancellationToken) is not null || await profiles.GetAsync(key, cancellationToken) is not null)
        {
            return; // they have talked to the bot already
        }

        if (!await MarkerRecord.TryInsertAsync(store, Collection, $"{installation.TeamId}:{userId}", clock.GetUtcNow(), expiresAt: null, cancellationToken))
        {
            return;
        }

        var sent = await sender.PostAsync(new SlackTarget(installation, dmChannel, null, userId, null, null), new WelcomeView(IsTeamChat: false), cancellationToken);
        if (!sent.Ok)
        {
            LogWelcomeFailed(logger, sent.Error ?? "unknown");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: the first-install welcome could not be posted ({Error})")]
    private static partial void LogWelcomeFailed(ILogger logger, string error);
}
