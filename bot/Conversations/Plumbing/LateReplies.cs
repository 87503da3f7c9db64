using FlywheelBot.Storage;
using FlywheelBot.Views;

namespace FlywheelBot.Conversations.Plumbing;

/// <summary>
/// Answer early, reply later, for every channel whose platform wants a quick acknowledgement: a turn that finishes within
/// the channel's budget is answered in the request; a slower one is acknowledged and keeps running (tracked by
/// <see cref="BackgroundTurns"/>), and its replies go to the reply address through the <see cref="IProactiveMessenger"/>
/// (the router, so the channel's own messenger); a reply the channel cannot take now is tried again later
/// (<see cref="ReplyRetries"/>). A failed turn replies <see cref="TurnFailedView"/>.
/// </summary>
internal sealed partial class LateReplies(
    TurnRunner runner,
    BackgroundTurns background,
    IProactiveMessenger messenger,
    TimeProvider clock,
    ILogger<LateReplies> logger)
{
    /// <summary>Runs <paramref name="turn"/>; after <paramref name="budget"/> (or when the request is aborted) it is deferred.</summary>
    public async Task<TurnAnswer> RunAsync(InboundTurn turn, ConversationAddress replyTo, TimeSpan budget, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replyTo);
        var work = runner.RunAsync(turn, background.Stopping);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        var finishedInTime = await Task.WhenAny(work, Task.Delay(budget, clock, waiting.Token)) == work;
        await waiting.CancelAsync();
        if (finishedInTime)
        {
            return TurnAnswer.InTime(await work);
        }

        LogAcknowledgedEarly(logger, turn.Kind);
        background.Track(FinishLaterAsync(replyTo, work));
        return TurnAnswer.Later;
    }

    private async Task FinishLaterAsync(ConversationAddress replyTo, Task<TurnOutput?> work)
    {
        try
        {
            var output = await work;
            IEnumerable<ViewModel> replies = output is null ? [TurnFailedView.Instance] : output.Replies;
            foreach (var reply in replies)
            {
                var outcome = await ReplyRetries.DeliverAsync(stopping => messenger.SendAsync(replyTo, reply, stopping), clock, background.Stopping);
                if (outcome != SendOutcome.Sent)
                {
                    LogReplyFailed(logger, outcome);
                }
            }
        }
        catch (OperationCanceledException)
        {
            LogAbandonedAtShutdown(logger);
        }
        catch (DeferredInsertTakenException)
        {
            // Another delivery of this event claimed it first (the claim rode with the turn's commit): that one answers.
            LogRedeliveryDropped(logger);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Tracked work must not throw: a send that failed outright is logged like one that was refused.
            LogReplyCrashed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Kind} turn is slow; acknowledged the request and will reply proactively")]
    private static partial void LogAcknowledgedEarly(ILogger logger, TurnKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A late reply could not be delivered ({Outcome})")]
    private static partial void LogReplyFailed(ILogger logger, SendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A late reply failed")]
    private static partial void LogReplyCrashed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "A slow turn turned out to be a redelivery (another delivery claimed the event first); it is dropped")]
    private static partial void LogRedeliveryDropped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A background turn was cancelled by application shutdown")]
    private static partial void LogAbandonedAtShutdown(ILogger logger);
}
