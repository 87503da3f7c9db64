using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FlywheelBot.Channels.BotFramework.Wire;
using Microsoft.Extensions.Options;
using Polly;

namespace FlywheelBot.Channels.BotFramework.Connector;

/// <summary>
/// The Bot Framework connector REST API (replies, updates, sends to a conversation), a typed client whose resilience
/// pipeline retries transient failures (<see cref="ConnectorResilience"/>). Sends only to service URLs the
/// <see cref="ServiceUrlPolicy"/> admits; the bot's token is attached only for trusted service URLs and only when
/// authentication is on. Never throws for a failed send (only when the caller cancels): every failure, timeouts of the
/// token endpoint included, is a <see cref="ConnectorResult"/> the caller can act on.
/// </summary>
internal sealed partial class ConnectorClient(
    HttpClient http,
    IBotTokenSource tokens,
    TrustedServiceUrls trusted,
    ServiceUrlPolicy policy,
    IOptions<BotCredentials> credentials,
    ILogger<ConnectorClient> logger)
{
    /// <summary>POST <c>/v3/conversations/{id}/activities[/{replyToId}]</c>.</summary>
    public Task<ConnectorResult> SendAsync(string serviceUrl, string conversationId, Activity activity, string? replyToId, CancellationToken cancellationToken)
    {
        var path = replyToId is null ? "/activities" : "/activities/" + Uri.EscapeDataString(replyToId);
        return CallAsync(HttpMethod.Post, serviceUrl, conversationId, path, activity, cancellationToken);
    }

    /// <summary>PUT <c>/v3/conversations/{id}/activities/{activityId}</c>: replaces a sent activity (e.g. a card).</summary>
    public Task<ConnectorResult> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, serviceUrl, conversationId, "/activities/" + Uri.EscapeDataString(activityId), activity, cancellationToken);

    internal static Uri ConversationUri(string serviceUrl, string conversationId, string suffix) =>
        new($"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}{suffix}");

    private async Task<ConnectorResult> CallAsync(
        HttpMethod method, string serviceUrl, string conversationId, string suffix, Activity activity, CancellationToken cancellationToken)
    {
        if (policy.Refusal(serviceUrl, inbound: null) is { } refusal)
        {
            LogRefusedServiceUrl(logger, refusal);
            return ConnectorResult.NoAnswer;
        }

        using var request = new HttpRequestMessage(method, ConversationUri(serviceUrl, conversationId, suffix))
        {
            Content = JsonContent.Create(activity with { Id = null }, BotFrameworkJsonContext.Default.Activity),
        };

        try
        {
            if (credentials.Value.AuthenticationEnabled)
            {
                if (await trusted.IsTrustedAsync(serviceUrl, cancellationToken))
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
                }
                else
                {
                    LogUntrustedServiceUrl(logger, serviceUrl);
                }
            }

            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                LogSendFailed(logger, method.Method, status);
                return new ConnectorResult(status, null);
            }

            return new ConnectorResult(status, await ReadIdAsync(response, cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or ExecutionRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogNoAnswer(logger, method.Method, ex);
            return ConnectorResult.NoAnswer;
        }
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync(BotFrameworkJsonContext.Default.ResourceResponse, cancellationToken);
            return body?.Id;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not sending the bot's token to untrusted serviceUrl {ServiceUrl}")]
    private static partial void LogUntrustedServiceUrl(ILogger logger, string serviceUrl);

    [LoggerMessage(Level = LogLevel.Error, Message = "Not sending: {Refusal}")]
    private static partial void LogRefusedServiceUrl(ILogger logger, string refusal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} failed with {StatusCode}")]
    private static partial void LogSendFailed(ILogger logger, string method, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} got no answer")]
    private static partial void LogNoAnswer(ILogger logger, string method, Exception exception);
}
