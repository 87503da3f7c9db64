using FlywheelBot.Channels.BotFramework.Auth;
using FlywheelBot.Channels.BotFramework.Connector;
using FlywheelBot.Channels.BotFramework.Inbound;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations;
using FlywheelBot.Conversations.Plumbing;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: read (415/413/400), check the fields a turn needs (400), authenticate (401/403), remember the
/// serviceUrl as trusted, drop redeliveries (200), store the conversation's address, then let the processor answer.
/// </summary>
internal sealed class MessagesEndpoint(
    IOptions<BotCredentials> credentials,
    IOptions<BotFrameworkOptions> options,
    BotAuthenticator authenticator,
    TrustedServiceUrls trusted,
    TurnDeduplicator deduplicator,
    IConversationDirectory directory,
    ActivityProcessor processor)
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

        if (Missing(activity) is { } missing)
        {
            return Error(StatusCodes.Status400BadRequest, "BadRequest", $"The activity has no {missing}.");
        }

        if (credentials.Value.AuthenticationEnabled)
        {
            var auth = await authenticator.AuthenticateAsync(context.Request.Headers.Authorization.ToString(), activity, aborted);
            if (!auth.Succeeded)
            {
                return Error(auth.StatusCode, auth.StatusCode == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden", auth.Reason);
            }

            await trusted.RememberAsync(activity.ServiceUrl!, aborted);
        }

        if (!await deduplicator.TryClaimAsync(activity.ChannelId!, ActivityMapper.EventId(activity), aborted))
        {
            return ActivityProcessor.Acknowledge(activity);
        }

        try
        {
            await directory.SaveAsync(ActivityMapper.ToAddress(activity, credentials.Value.MicrosoftAppId ?? "bot"), aborted);
            return await processor.ProcessAsync(activity, aborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage or connector trouble (turn failures are answered with an apology inside the processor): let the
            // channel redeliver, and make sure the redelivery is not dropped as a duplicate.
            await deduplicator.ReleaseAsync(activity.ChannelId!, ActivityMapper.EventId(activity), CancellationToken.None);
            throw;
        }
    }

    /// <summary>The fields every activity the bot may answer must carry.</summary>
    private static string? Missing(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "channelId";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "conversation.id";
        }

        return Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) && serviceUrl.Scheme is "https" or "http"
            ? null
            : "valid serviceUrl";
    }

    private static IResult Error(int status, string code, string message) =>
        WireResults.Json(ErrorBody.Of(code, message), BotFrameworkJsonContext.Default.ErrorBody, statusCode: status);
}
