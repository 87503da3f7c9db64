using System.Text.Json.Nodes;
using FlywheelBot.Channels.BotFramework.Connector;
using FlywheelBot.Channels.BotFramework.Outbound;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework.Inbound;

/// <summary>
/// Decides what an authenticated, first-seen activity means and answers it: message and install turns reply through the
/// connector (or in the body for <c>expectReplies</c>), <c>adaptiveCard/action</c> invokes answer per the universal action
/// model, other types are acknowledged. The request is answered within <see cref="BotFrameworkOptions.AckTimeout"/>
/// whatever the channel does (issue 14, item 2): a turn slower than that is acknowledged with 202 and replied to when it
/// finishes (<see cref="LateReplies"/>, through this channel's messenger), and replies that cannot be delivered within
/// what is left of the budget (a throttled or hanging connector or token service) go on in the background, 202. A reply
/// the channel cannot take now is sent again later (<see cref="ReplyRetries"/>, item 3), never dropped after one try.
/// </summary>
internal sealed partial class ActivityProcessor(
    TurnRunner runner,
    LateReplies lateReplies,
    ActivityFactory activities,
    ConnectorClient connector,
    InstallRegistry installs,
    BackgroundTurns background,
    IOptions<BotFrameworkOptions> options,
    TimeProvider clock,
    ILogger<ActivityProcessor> logger)
{
    public const string ActionDoneMessage = "Got it.";

    /// <remarks>
    /// An activity that runs no turn still has its claim stored before it is answered when the claim was deferred
    /// (<see cref="TurnClaim.Deferred"/>), so a redelivery finds it (<see cref="SettledAsync"/>); a turn's claim is
    /// stored by <see cref="TurnRunner"/> before the turn's answer goes anywhere.
    /// </remarks>
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
                : SettledAsync(NotImplemented(activity.Name), requestAborted);
        }

        // messageReaction, typing, endOfConversation and types this bot does not know: acknowledged, no reply.
        return SettledAsync(Acknowledge(activity), requestAborted);
    }

    /// <summary><paramref name="answer"/>, once a deferred claim of this activity is stored.</summary>
    private static async Task<IResult> SettledAsync(IResult answer, CancellationToken requestAborted)
    {
        await DeferredInsert.SettleCurrentAsync(requestAborted);
        return answer;
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
            return await SettledAsync(Acknowledge(activity), cancellationToken);
        }

        return added && await installs.TryMarkInstalledAsync(key, cancellationToken)
            ? await RunTurnAsync(activity, ActivityMapper.ToTurn(activity, TurnKind.Installed), cancellationToken)
            : await SettledAsync(Acknowledge(activity), cancellationToken);
    }

    private async Task<IResult> RunTurnAsync(Activity activity, InboundTurn turn, CancellationToken requestAborted)
    {
        if (activity.ExpectsReplies)
        {
            var output = await runner.RunAsync(turn, requestAborted);
            return WireResults.Json(new ExpectedReplies(Replies(activity, output)), BotFrameworkJsonContext.Default.ExpectedReplies);
        }

        var started = clock.GetTimestamp();
        var budget = options.Value.AckTimeout;
        var answer = await lateReplies.RunAsync(turn, ActivityMapper.ToReplyAddress(activity), budget, requestAborted);
        if (answer.Deferred)
        {
            return Results.Accepted();
        }

        var delivery = DeliverAsync(activity, Replies(activity, answer.Output));
        if (await WithinAsync(delivery, budget - clock.GetElapsedTime(started), requestAborted))
        {
            return Results.Ok();
        }

        LogRepliesInBackground(logger);
        background.Track(delivery);
        return Results.Accepted();
    }

    /// <summary>True when <paramref name="work"/> ends within <paramref name="remaining"/> (and the request is still there).</summary>
    private async Task<bool> WithinAsync(Task work, TimeSpan remaining, CancellationToken requestAborted)
    {
        if (work.IsCompleted)
        {
            return true;
        }

        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        var inTime = await Task.WhenAny(work, Task.Delay(remaining, clock, waiting.Token)) == work;
        await waiting.CancelAsync();
        return inTime;
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
            // The invoke answer (the card) must not wait for the connector: the other replies follow in the background.
            background.Track(DeliverAsync(activity, replies));
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

    /// <summary>Sends the replies in order, each retried later when the channel cannot take it now. Never throws.</summary>
    private async Task DeliverAsync(Activity inbound, List<Activity> replies)
    {
        try
        {
            foreach (var reply in replies)
            {
                var outcome = await ReplyRetries.DeliverAsync(stopping => SendOneAsync(inbound, reply, stopping), clock, background.Stopping);
                if (outcome != SendOutcome.Sent)
                {
                    LogReplyLost(logger, outcome);
                }
            }
        }
        catch (OperationCanceledException)
        {
            LogAbandonedAtShutdown(logger);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReplyCrashed(logger, ex);
        }
    }

    /// <summary>One try: no answer (timeouts, the token service) and 412/429/502/503/504 are "retry later"; other failures are final.</summary>
    private async Task<SendOutcome> SendOneAsync(Activity inbound, Activity reply, CancellationToken cancellationToken)
    {
        var result = await connector.SendAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, reply, inbound.Id, cancellationToken);
        if (result.Succeeded)
        {
            return SendOutcome.Sent;
        }

        LogReplyFailed(logger, result.StatusCode);
        return result.StatusCode == 0 || RetryDelay.IsTransient(result.StatusCode) ? SendOutcome.RetryLater : SendOutcome.Gone;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply could not be delivered (connector status {StatusCode}; 0 = no answer)")]
    private static partial void LogReplyFailed(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "The replies are taking longer than the acknowledgement budget; answered the request and kept sending in the background")]
    private static partial void LogRepliesInBackground(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "A reply was given up after its retries ({Outcome})")]
    private static partial void LogReplyLost(ILogger logger, SendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending a reply failed")]
    private static partial void LogReplyCrashed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replies still being sent were abandoned at application shutdown")]
    private static partial void LogAbandonedAtShutdown(ILogger logger);
}
