using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework.Connector;

/// <summary>
/// Retries connector sends on 412/429/502/503/504, attempt timeouts and connection failures, with exponential backoff and jitter, honouring
/// <c>Retry-After</c>; never retries other statuses. Delays run on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class ConnectorRetryHandler(
    IOptions<BotFrameworkOptions> options,
    TimeProvider clock,
    ILogger<ConnectorRetryHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var retry = 0; ; retry++)
        {
            var last = retry >= settings.ConnectorMaxRetries;
            HttpResponseMessage response;
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attempt.CancelAfter(settings.ConnectorAttemptTimeout);
                try
                {
                    response = await base.SendAsync(request, attempt.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    LogAttemptTimedOut(logger, retry + 1);
                    if (last)
                    {
                        throw new TimeoutException($"The connector did not answer within {settings.ConnectorAttemptTimeout} ({retry + 1} attempts).");
                    }

                    await Task.Delay(RetryDelay.Next(retry, settings.ConnectorBaseDelay, null, Random.Shared.NextDouble()), clock, cancellationToken);
                    continue;
                }
                catch (HttpRequestException ex) when (!last)
                {
                    // Connection refused or reset: as transient as a 503.
                    LogAttemptFailed(logger, retry + 1, ex);
                    await Task.Delay(RetryDelay.Next(retry, settings.ConnectorBaseDelay, null, Random.Shared.NextDouble()), clock, cancellationToken);
                    continue;
                }
            }

            var status = (int)response.StatusCode;
            if (last || !RetryDelay.IsTransient(status))
            {
                return response;
            }

            var retryAfter = RetryDelay.RetryAfter(response, clock.GetUtcNow());
            if (retryAfter > settings.ConnectorMaxRetryAfter)
            {
                return response;
            }

            var delay = RetryDelay.Next(retry, settings.ConnectorBaseDelay, retryAfter, Random.Shared.NextDouble());
            LogRetrying(logger, status, retry + 1, delay);
            response.Dispose();
            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector answered {StatusCode}; retry {Retry} in {Delay}")]
    private static partial void LogRetrying(ILogger logger, int statusCode, int retry, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector attempt {Attempt} could not connect")]
    private static partial void LogAttemptFailed(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector attempt {Attempt} timed out")]
    private static partial void LogAttemptTimedOut(ILogger logger, int attempt);
}
