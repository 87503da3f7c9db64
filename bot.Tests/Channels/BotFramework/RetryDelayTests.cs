using FlywheelBot.Channels.BotFramework.Connector;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class RetryDelayTests
{
    [Theory]
    [InlineData(412, true)]
    [InlineData(429, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(413, false)]
    [InlineData(500, false)]
    [InlineData(201, false)]
    public void Only_the_transient_statuses_are_retried(int status, bool transient) => Assert.Equal(transient, RetryDelay.IsTransient(status));

    [Fact]
    public void Retry_After_is_read_as_seconds_or_as_a_date()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "12");
        using var date = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
        date.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(20).ToString("R"));
        using var none = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(12), RetryDelay.RetryAfter(seconds, now));
        Assert.Equal(TimeSpan.FromSeconds(20), RetryDelay.RetryAfter(date, now));
        Assert.Null(RetryDelay.RetryAfter(none, now));
    }
}
