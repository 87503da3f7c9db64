using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace FlywheelBot.Channels.BotFramework.Connector;

/// <summary>
/// The standard resilience pipeline of Microsoft.Extensions.Http.Resilience (rate limiter, total timeout, retry,
/// circuit breaker per service URL authority, attempt timeout), set to the connector's retry rules (PROTOCOLS.md): retry
/// 412, 429, 502, 503, 504, attempt timeouts and connection failures, with exponential backoff and jitter, a
/// <c>Retry-After</c> honoured (one longer than <see cref="BotFrameworkOptions.ConnectorMaxRetryAfter"/> is not waited
/// for: the send fails as "retry later"); never 400, 401, 403, 404, 413 or 500. Waits and timeouts run on the
/// application's <see cref="TimeProvider"/>. The token and signing-key clients use the same pipeline with its own
/// defaults and shorter timeouts (<see cref="ForToken"/>, <see cref="ForMetadata"/>).
/// </summary>
internal static class ConnectorResilience
{
    public static void ForConnector(HttpStandardResilienceOptions resilience, BotFrameworkOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(options);
        var attempt = options.ConnectorAttemptTimeout;
        var retries = options.ConnectorMaxRetries;
        resilience.AttemptTimeout.Timeout = attempt;
        resilience.Retry.MaxRetryAttempts = Math.Max(1, retries);
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.Delay = options.ConnectorBaseDelay;
        resilience.Retry.MaxDelay = options.ConnectorMaxRetryAfter;
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(retries > 0 && IsRetryable(args.Outcome, options.ConnectorMaxRetryAfter, clock));
        resilience.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome, TimeSpan.MaxValue, clock));
        resilience.CircuitBreaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), attempt * 2);

        // Every attempt, every backoff and the longest Retry-After still fit in the total.
        resilience.TotalRequestTimeout.Timeout = (attempt * (retries + 1)) + (Max(options.ConnectorMaxRetryAfter, options.ConnectorBaseDelay * 16) * retries) + TimeSpan.FromSeconds(1);
    }

    public static void ForToken(HttpStandardResilienceOptions resilience, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(options);
        Short(resilience, options.TokenAttemptTimeout);
    }

    public static void ForMetadata(HttpStandardResilienceOptions resilience, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(options);
        Short(resilience, options.TokenAttemptTimeout);
    }

    private static void Short(HttpStandardResilienceOptions resilience, TimeSpan attempt)
    {
        resilience.AttemptTimeout.Timeout = attempt;
        resilience.Retry.MaxRetryAttempts = 2;
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
        resilience.CircuitBreaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), attempt * 2);
        resilience.TotalRequestTimeout.Timeout = (attempt * 3) + TimeSpan.FromSeconds(2);
    }

    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider clock) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => RetryDelay.IsTransient((int)response.StatusCode)
            && !(RetryDelay.RetryAfter(response, clock.GetUtcNow()) > maxRetryAfter),
        _ => false,
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
