namespace FlywheelBot.Channels.BotFramework.Connector;

/// <summary>Which connector answers are retried, and how long to wait before the next attempt.</summary>
internal static class RetryDelay
{
    /// <summary>412, 429, 502, 503, 504 are transient; 400, 401, 403, 404, 413, 500 and the rest are not.</summary>
    public static bool IsTransient(int statusCode) => statusCode is 412 or 429 or 502 or 503 or 504;

    /// <summary>
    /// Exponential backoff (<paramref name="baseDelay"/> · 2^<paramref name="retry"/>) with jitter in [50%, 100%];
    /// a <c>Retry-After</c> from the server wins when it is longer.
    /// </summary>
    public static TimeSpan Next(int retry, TimeSpan baseDelay, TimeSpan? retryAfter, double jitter)
    {
        var backoff = baseDelay * Math.Pow(2, retry) * (0.5 + (Math.Clamp(jitter, 0, 1) / 2));
        return retryAfter is { } wait && wait > backoff ? wait : backoff;
    }

    /// <summary>Reads <c>Retry-After</c> as seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null;
    }
}
