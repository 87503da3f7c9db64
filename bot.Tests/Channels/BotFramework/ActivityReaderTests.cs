using System.Text;
using FlywheelBot.Channels.BotFramework.Inbound;
using Microsoft.AspNetCore.Http;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class ActivityReaderTests
{
    [Fact]
    public async Task A_body_without_Content_Length_is_cut_off_at_the_limit()
    {
        var request = Request("{\"type\":\"message\",\"text\":\"" + new string('x', 5000) + "\"}", contentLength: null);

        var (activity, status, _) = await ActivityReader.ReadAsync(request, maxBytes: 4096, CancellationToken.None);

        Assert.Null(activity);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
    }

    [Fact]
    public async Task A_declared_Content_Length_over_the_limit_is_refused_before_reading()
    {
        var request = Request("{}", contentLength: 10_000);

        var (_, status, _) = await ActivityReader.ReadAsync(request, maxBytes: 4096, CancellationToken.None);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        Assert.Equal(0, request.Body.Position);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/activity+json")]
    [InlineData(null)]
    public async Task Json_media_types_and_a_missing_one_are_read(string? contentType)
    {
        var request = Request("{\"type\":\"message\",\"text\":\"hi\"}", contentLength: null, contentType);

        var (activity, status, _) = await ActivityReader.ReadAsync(request, maxBytes: 4096, CancellationToken.None);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("hi", activity?.Text);
    }

    private static HttpRequest Request(string body, long? contentLength, string? contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        context.Request.ContentLength = contentLength;
        context.Request.ContentType = contentType;
        return context.Request;
    }
}
