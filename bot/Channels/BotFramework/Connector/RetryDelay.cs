namespace FlywheelBot.Channels.BotFramework.Connector;

/// <summary>Which connector answers are retried (PROTOCOLS.md), and how long the connector asked to wait.</summary>
internal static class RetryDelay
{
    /// <summary>412, 429, 502, 503, 504 are transient; 400, 401, 403, 404, 413, 500 and the rest are not.</summary>
    public static bool IsTransient(int statusCode) => statusCode is 412 or 429 or 502 or 503 or 504;

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
