using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack.Inbound;

/// <summary>
/// <c>POST /api/slack/events</c>, the one request URL for Events API JSON, slash commands and interactivity. The
/// signature is checked before anything else (401, nothing done); then the body is read (400 when malformed) and handed
/// to <see cref="SlackDispatcher"/>, which acknowledges at once and does the work in the background. An unsigned
/// <c>ssl_check=1</c> (Slack's certificate probe) is answered 200 and does nothing, as Bolt does.
/// </summary>
internal sealed partial class SlackEventsEndpoint(IOptions<SlackOptions> options, TimeProvider clock, SlackDispatcher dispatcher, ILogger<SlackEventsEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var body = await SlackBodyReader.ReadAsync(request, options.Value.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {options.Value.MaxBodyBytes} bytes.");
        }

        if (IsSslCheck(request, body))
        {
            return Results.Ok();
        }

        var secret = options.Value.SigningSecret ?? string.Empty;
        if (secret.Length == 0 || !SlackSignature.IsValid(
            secret,
            request.Headers["X-Slack-Request-Timestamp"].ToString(),
            request.Headers["X-Slack-Signature"].ToString(),
            body,
            clock.GetUtcNow(),
            options.Value.SignatureTolerance))
        {
            LogRejected(logger);
            return Error(StatusCodes.Status401Unauthorized, "The request is not signed with this app's signing secret, or its timestamp is more than 5 minutes away.");
        }

        var inbound = SlackRequestParser.Parse(request.ContentType, body);
        if (inbound is null)
        {
            return Error(StatusCodes.Status400BadRequest, "The body is not a Slack event, slash command or interaction payload.");
        }

        var ack = await dispatcher.AcceptAsync(inbound, context.RequestAborted);
        if (ack.RetryLater)
        {
            context.Response.Headers.RetryAfter = "60";
            return Error(StatusCodes.Status503ServiceUnavailable, "FlywheelBot cannot take this request in right now (its storage is unreachable); retry later.");
        }

        return ack.Body is null ? Results.Ok() : Results.Text(ack.Body.ToJsonString(), "application/json", Encoding.UTF8);
    }

    private static bool IsSslCheck(HttpRequest request, byte[] body) =>
        request.HasFormContentType && Encoding.ASCII.GetString(body).Split('&').Contains("ssl_check=1", StringComparer.Ordinal);

    private static IResult Error(int status, string message) =>
        Results.Text(new JsonObject { ["error"] = message }.ToJsonString(), "application/json", Encoding.UTF8, status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request rejected: bad or missing signature, or stale timestamp")]
    private static partial void LogRejected(ILogger logger);
}
