using System.Text.Json.Nodes;
using FlywheelBot.Channels.BotFramework.Connector;
using FlywheelBot.Channels.BotFramework.Outbound;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework.Inbound;

/// <summary>
/// Decides what an authenticated, first-seen activity means and answers it: message and install turns reply through the
/// connector (or in the body for <c>expectReplies</c>), <c>adaptiveCard/action</c> invokes answer per the universal action
/// model, other types are acknowledged. A turn slower than <see cref="BotFrameworkOptions.AckTimeout"/> is acknowledged
/// with 202 and replied to when it finishes (<see cref="LateReplies"/>, through this channel's messenger).
/// </summary>
internal sealed partial class ActivityProcessor(
    TurnRunner runner,
    LateReplies lateReplies,
    ActivityFactory activities,
    ConnectorClient connector,
    InstallRegistry installs,
    BackgroundTurns background,
    IOptions<BotFrameworkOptions> options,
    ILogger<ActivityProcessor> logger)
{
    public const string ActionDoneMessage = "Got it.";

    public Task<IResult> ProcessAsync(Activity activity, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (Is(activity, ActivityTypes.Message))
        {
            return RunTurnAsync(activity, ActivityMapper.ToTurn(activity, TurnKind.Message), requestAborted);
        }

        if (Is(activity, ActivityTypes.ConversationUpdate))
        {
            var added = Includes(activity.MembersAdded, activity.Recipient);
            return InstallChangedAsync(activity, added, removed: Includes(activity.MembersRemoved, activity.Recipient), requestAborted);
        }

        if (Is(activity, ActivityTypes.InstallationUpdate))
        {
            var added = activity.Action is "add" or "add-upgrade";
            return InstallChangedAsync(activity, added, removed: activity.Action is "remove" or "remove-upgrade", requestAborted);
        }

        if (Is(activity, ActivityTypes.Invoke))
        {
            return string.Equals(activity.Name, ActivityTypes.AdaptiveCardActionInvoke, StringComparison.Ordinal)
                ? InvokeAsync(activity, requestAborted)
                : Task.FromResult(NotImplemented(activity.Name));
        }

        // messageReaction, typing, endOfConversation and types this bot does not know: acknowledged, no reply.
        return Task.FromResult(Acknowledge(activity));
    }

    /// <summary>200 with nothing to say (for <c>expectReplies</c>: an empty list of activities).</summary>
    public static IResult Acknowledge(Activity activity) =>
        activity.ExpectsReplies
            ? WireResults.Json(new ExpectedReplies([]), BotFrameworkJsonContext.Default.ExpectedReplies)
            : Results.Ok();

    private static bool Is(Activity activity, string type) => string.Equals(activity.Type, type, StringComparison.OrdinalIgnoreCase);

    private static bool Includes(IReadOnlyList<ChannelAccount>? members, ChannelAccount? bot) =>
        bot?.Id is { Length: > 0 } botId && members?.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal)) == true;

    private static IResult NotImplemented(string? name) =>
        WireResults.Json(
            ErrorBody.Of("NotImplemented", $"The invoke '{name}' is not handled by this bot."),
            BotFrameworkJsonContext.Default.ErrorBody,
            statusCode: StatusCodes.Status501NotImplemented);

    private async Task<IResult> InstallChangedAsync(Activity activity, bool added, bool removed, CancellationToken cancellationToken)
    {
        var key = ActivityMapper.ConversationKey(activity);
        if (removed)
        {
            await installs.ForgetAsync(key, cancellationToken);
            return Acknowledge(activity);
        }

        return added && await installs.TryMarkInstalledAsync(key, cancellationToken)
            ? await RunTurnAsync(activity, ActivityMapper.ToTurn(activity, TurnKind.Installed), cancellationToken)
            : Acknowledge(activity);
    }

    private async Task<IResult> RunTurnAsync(Activity activity, InboundTurn turn, CancellationToken requestAborted)
    {
        if (activity.ExpectsReplies)
        {
            var output = await runner.RunAsync(turn, requestAborted);
            return WireResults.Json(new ExpectedReplies(Replies(activity, output)), BotFrameworkJsonContext.Default.ExpectedReplies);
        }

        var answer = await lateReplies.RunAsync(turn, ActivityMapper.ToReplyAddress(activity), options.Value.AckTimeout, requestAborted);
        if (answer.Deferred)
        {
            return Results.Accepted();
        }

        await SendAsync(activity, Replies(activity, answer.Output), background.Stopping);
        return Results.Ok();
    }

    private async Task<IResult> InvokeAsync(Activity activity, CancellationToken requestAborted)
    {
        var output = await runner.RunAsync(ActivityMapper.ToTurn(activity, TurnKind.AnswerInPlace), requestAborted);
        if (output is null)
        {
            var error = new JsonObject { ["code"] = "InternalError", ["message"] = ActivityFactory.ApologyText };
            return InvokeResponse(new AdaptiveCardInvokeResponse(StatusCodes.Status500InternalServerError, ActivityTypes.ErrorResponseType, error));
        }

        // With expectReplies the other replies go back in the body beside the invoke answer; otherwise through the connector.
        var replies = output.Replies.IsEmpty ? null : Replies(activity, output);
        if (replies is not null && !activity.ExpectsReplies)
        {
            await SendAsync(activity, replies, requestAborted);
        }

        var inBody = activity.ExpectsReplies ? replies : null;
        return InvokeResponse(output.ReplaceMessage is { } card
            ? new AdaptiveCardInvokeResponse(StatusCodes.Status200OK, ActivityTypes.AdaptiveCardContentType, activities.Card(card), inBody)
            : new AdaptiveCardInvokeResponse(StatusCodes.Status200OK, ActivityTypes.MessageResponseType, JsonValue.Create(ActionDoneMessage), inBody));
    }

    private static IResult InvokeResponse(AdaptiveCardInvokeResponse response) =>
        WireResults.Json(response, BotFrameworkJsonContext.Default.AdaptiveCardInvokeResponse, statusCode: StatusCodes.Status200OK);

    /// <summary>The reply activities of a turn; a failed turn (null) gets the apology.</summary>
    private List<Activity> Replies(Activity inbound, TurnOutput? output) =>
        output is null ? [ActivityFactory.Apology(inbound)] : [.. output.Replies.Select(view => activities.Reply(inbound, view))];

    private async Task SendAsync(Activity inbound, List<Activity> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            var result = await connector.SendAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, reply, inbound.Id, cancellationToken);
            if (!result.Succeeded)
            {
                LogReplyFailed(logger, result.StatusCode);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply could not be delivered (connector status {StatusCode})")]
    private static partial void LogReplyFailed(ILogger logger, int statusCode);
}
