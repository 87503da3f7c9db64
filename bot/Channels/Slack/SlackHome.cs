using FlywheelBot.Advisor;
using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Channels.Slack.Api;
using FlywheelBot.Channels.Slack.BlockKit;

namespace FlywheelBot.Channels.Slack;

/// <summary>
/// Publishes a user's App Home on <c>app_home_opened</c>: the saved profile of their DM with the bot (the conversation the
/// Messages tab holds) diagnosed afresh, as stages and the recommendation; an invitation to start without one.
/// </summary>
internal sealed partial class SlackHome(
    SlackApiClient api,
    BlockKitRenderer renderer,
    ITeamProfileStore profiles,
    IFlywheelGuide guide,
    TimeProvider clock,
    ILogger<SlackHome> logger)
{
    public async Task PublishAsync(SlackInstallation installation, string userId, string? dmChannel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var channel = dmChannel;
        if (string.IsNullOrEmpty(channel))
        {
            var opened = await api.ConversationsOpenAsync(installation.BotToken, userId, cancellationToken);
            channel = opened.String("channel", "id");
        }

        var profile = channel is null ? null : await profiles.GetAsync(SlackConversationKeys.For(installation.TeamId, channel), cancellationToken);
        var view = profile is null
            ? HomeTab.Build(null, null)
            : await DiagnosedAsync(profile, cancellationToken);
        var published = await api.ViewsPublishAsync(installation.BotToken, userId, view, cancellationToken);
        if (!published.Ok)
        {
            LogPublishFailed(logger, published.Error ?? "unknown");
        }
    }

    private async Task<System.Text.Json.Nodes.JsonObject> DiagnosedAsync(TeamProfile profile, CancellationToken cancellationToken)
    {
        var diagnosis = guide.Diagnose(profile.ToDiagnosisInput());
        var advice = new AdviceViews(guide);
        var age = (clock.GetUtcNow() - profile.UpdatedAt).Days;
        var source = age == 0 ? "From your saved profile, updated today" : $"From your saved profile, updated {age} day{(age == 1 ? string.Empty : "s")} ago";
        var walk = advice.StageWalk(diagnosis, profile.Goal, clock.GetUtcNow());
        return HomeTab.Build(advice.Recommendation(diagnosis, clock.GetUtcNow(), [], source), walk, await renderer.WheelImage(walk, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack views.publish of the App Home failed: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, string error);
}
