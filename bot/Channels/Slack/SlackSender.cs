using System.Text.Json.Nodes;
using FlywheelBot.Channels.Slack.Api;
using FlywheelBot.Channels.Slack.BlockKit;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.Slack;

/// <summary>Renders views as Block Kit and sends them through the Web API (or a <c>response_url</c> when the bot is not in the channel).</summary>
internal sealed partial class SlackSender(SlackApiClient api, BlockKitRenderer renderer, ILogger<SlackSender> logger)
{
    /// <summary>Posts a new message (in the target's thread, if any).</summary>
    public async Task<SlackApiResult> PostAsync(SlackTarget target, ViewModel view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var message = await renderer.RenderAsync(view, cancellationToken);
        var result = await api.PostMessageAsync(target.Installation.BotToken, target.ChannelId, message.Text, message.Blocks, target.ThreadTs, cancellationToken);
        if (!result.Ok && result.Failure == SlackApiFailure.ConversationGone && target.ResponseUrl is { } responseUrl)
        {
            // A slash command or button in a channel the bot is not a member of: its response_url still reaches it.
            var sent = await api.RespondAsync(responseUrl, new JsonObject { ["response_type"] = "in_channel", ["text"] = message.Text, ["blocks"] = message.Blocks }, cancellationToken);
            return sent ? new SlackApiResult(true, null, default) : result;
        }

        return result;
    }

    /// <summary>
    /// A message only the target's user sees (<c>chat.postEphemeral</c>; it cannot be edited later). Where the bot is not a
    /// member the command's <c>response_url</c> carries it, with <c>response_type: ephemeral</c>.
    /// </summary>
    public async Task<SlackApiResult> PostEphemeralAsync(SlackTarget target, ViewModel view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.UserId is not { } user)
        {
            return await PostAsync(target, view, cancellationToken);
        }

        var message = await renderer.RenderAsync(view, cancellationToken);
        var result = await api.PostEphemeralAsync(target.Installation.BotToken, target.ChannelId, user, message.Text, message.Blocks, target.ThreadTs, cancellationToken);
        if (!result.Ok && result.Failure == SlackApiFailure.ConversationGone && target.ResponseUrl is { } responseUrl)
        {
            var sent = await api.RespondAsync(responseUrl, new JsonObject { ["response_type"] = "ephemeral", ["text"] = message.Text, ["blocks"] = message.Blocks }, cancellationToken);
            return sent ? new SlackApiResult(true, null, default) : result;
        }

        return result;
    }

    /// <summary>Replaces the message a button was pressed on (as Action.Execute replaces a Teams card); posts anew when that fails.</summary>
    public async Task UpdateAsync(SlackTarget target, ViewModel view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.MessageTs is null)
        {
            await PostAsync(target, view, cancellationToken);
            return;
        }

        var message = await renderer.RenderAsync(view, cancellationToken);
        var result = await api.UpdateAsync(target.Installation.BotToken, target.ChannelId, target.MessageTs, message.Text, message.Blocks, cancellationToken);
        if (!result.Ok)
        {
            LogUpdateFailed(logger, result.Error ?? "unknown");
            await PostAsync(target with { MessageTs = null }, view, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack chat.update failed ({Error}); the answer is posted as a new message")]
    private static partial void LogUpdateFailed(ILogger logger, string error);
}
