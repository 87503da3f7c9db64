using FlywheelBot.Channels.BotFramework.Auth;
using FlywheelBot.Channels.BotFramework.Connector;
using FlywheelBot.Channels.BotFramework.Inbound;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: read (415/413/400), check the fields a turn needs (400), authenticate (401/403), remember the
/// serviceUrl as trusted, drop redeliveries (200), store the conversation's address (both in one batch with the turn's reads,
/// see <see cref="TurnStart"/>), then let the processor answer.
/// </summary>
internal sealed partial class MessagesEndpoint(
    IOptions<BotCredentials> credentials,
    IOptions<BotFrameworkOptions> options,
    BotAuthenticator authenticator,
    ServiceUrlPolicy serviceUrls,
    TrustedServiceUrls trusted,
    TurnDeduplicator deduplicator,
    TurnStart start,
    IConversationDirectory directory,
    ActivityProcessor processor,
    IDocumentStore store,
    ILogger<MessagesEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var aborted = context.RequestAborted;
        var (activity, status, reason) = await ActivityReader.ReadAsync(context.Request, options.Value.MaxBodyBytes, aborted);
        if (activity is null)
        {
            return Error(status, status == StatusCodes.Status400BadRequest ? "BadRequest" : "BadBody", reason);
        }

        if ((ActivityChecks.Problem(activity) ?? serviceUrls.Refusal(activity.ServiceUrl, context.Request)) is { } problem)
        {
            return Error(StatusCodes.Status400BadRequest, "BadRequest", problem);
        }

        if (credentials.Value.AuthenticationEnabled)
        {
            var auth = await authenticator.AuthenticateAsync(context.Request.Headers.Authorization.ToString(), activity, aborted);
            if (!auth.Succeeded)
            {
                // An unauthenticated caller learns nothing about why (the reason is in the log); a 403 comes with a token
                // the channel really signed, so its reason (serviceUrl, channel) helps whoever set the channel up.
                return auth.StatusCode == StatusCodes.Status401Unauthorized
                    ? Error(auth.StatusCode, "Unauthorized", "unauthorized")
                    : Error(auth.StatusCode, "Forbidden", auth.Reason);
            }
        }

        // Storage that lost its file (or reported another problem it cannot recover from): the channel should redeliver
        // later, and nothing of this turn may be half-written.
        if (store is IStorageHealth { Problem: not null })
        {
            return Unavailable();
        }

        try
        {
            return await ClaimAndProcessAsync(activity, aborted);
        }
        catch (StorageStoppedException)
        {
            return Unavailable();
        }
    }

    private async Task<IResult> ClaimAndProcessAsync(Activity activity, CancellationToken aborted)
    {
        if (credentials.Value.AuthenticationEnabled)
        {
            await trusted.RememberAsync(activity.ServiceUrl!, aborted);
        }

        // One round trip: the claim, the address (when it changed or is not known here) and the turn's reads; or none,
        // when the claim is all there is to store: then it rides with the turn's own commit (TurnClaim.Deferred).
        var address = ActivityMapper.ToAddress(activity, credentials.Value.MicrosoftAppId ?? "bot");
        TurnClaim claim;
        DeferredInsert? deferred;
        try
        {
            (claim, deferred) = await start.TryClaimAsync(activity.ChannelId!, ActivityMapper.EventId(activity), address, aborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StorageStoppedException)
        {
            // The batch is atomic: nothing was claimed, so the channel's redelivery will be processed.
            LogClaimFailed(logger, ex);
            return Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "The activity could not be processed now; please redeliver it.");
        }

        if (claim == TurnClaim.Redelivery)
        {
            return ActivityProcessor.Acknowledge(activity);
        }

        using var flow = DeferredInsert.Enter(deferred);
        try
        {
            if (claim == TurnClaim.ClaimedAddressUnsaved)
            {
                await directory.SaveAsync(address, aborted);
            }

            return await processor.ProcessAsync(activity, aborted);
        }
        catch (DeferredInsertTakenException)
        {
            // A deferred claim found taken by another delivery of this event: nothing of this turn was stored or sent.
            return ActivityProcessor.Acknowledge(activity);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StorageStoppedException)
        {
            // Storage trouble before the turn could run (turn failures are answered with an apology inside the processor,
            // send failures are retried later there): give the claim back so the channel's redelivery is processed, and
            // answer 503 so it redelivers. The first error is logged before the release, whose own failure cannot hide it.
            // A deferred claim not stored yet is given up instead: there is nothing to release.
            LogProcessingFailed(logger, ex);
            if (deferred is not null && await deferred.AbandonAsync())
            {
                return ProcessingFailed();
            }

            try
            {
                using var outside = DeferredInsert.Enter(null);
                await deduplicator.ReleaseAsync(activity.ChannelId!, ActivityMapper.EventId(activity), CancellationToken.None);
            }
            catch (Exception releaseFailure) when (releaseFailure is not OperationCanceledException)
            {
                LogReleaseFailed(logger, releaseFailure);
            }

            return ProcessingFailed();
        }
    }

    private static IResult ProcessingFailed() =>
        Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "The activity could not be processed now; please redeliver it.");

    [LoggerMessage(Level = LogLevel.Error, Message = "An activity could not be claimed (storage trouble); nothing was stored, so a redelivery is processed")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An activity could not be processed; its claim is released so a redelivery is processed")]
    private static partial void LogProcessingFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Releasing the claim of an activity that could not be processed failed too; a redelivery may be dropped as a duplicate")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);

    private static IResult Unavailable() =>
        Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "Storage is unavailable; try again later.");

    private static IResult Error(int status, string code, string message) =>
        WireResults.Json(ErrorBody.Of(code, message), BotFrameworkJsonContext.Default.ErrorBody, statusCode: status);
}
