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

    [Theory]
    [InlineData(null)]
    [InlineData(40)]
    [InlineData(30_020)]
    public async Task A_body_larger_than_the_first_buffer_arriving_in_small_pieces_is_read_whole(int? declaredLength)
    {
        // The declared length may be wrong (too small or absent): what counts is what arrives, up to the limit.
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => $"{i % 10}é3456789"));
        var request = Request($"{{\"type\":\"message\",\"text\":\"{text}\"}}", declaredLength, piece: 7);

        var (activity, status, _) = await ActivityReader.ReadAsync(request, maxBytes: 64 * 1024, CancellationToken.None);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(text, activity?.Text);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read_and_one_byte_more_is_refused()
    {
        const string head = "{\"type\":\"message\",\"text\":\"";
        var exact = head + new string('x', 4096 - head.Length - 2) + "\"}";
        Assert.Equal(4096, Encoding.UTF8.GetByteCount(exact));

        var (read, readStatus, _) = await ActivityReader.ReadAsync(Request(exact, contentLength: 4096), maxBytes: 4096, CancellationToken.None);
        var (over, overStatus, _) = await ActivityReader.ReadAsync(Request(exact + " ", contentLength: null), maxBytes: 4096, CancellationToken.None);

        Assert.Equal(StatusCodes.Status200OK, readStatus);
        Assert.Equal(4096 - head.Length - 2, read?.Text?.Length);
        Assert.Null(over);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, overStatus);
    }

    private static HttpRequest Request(string body, long? contentLength, string? contentType = "application/json", int? piece = null)
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Body = piece is { } size ? new TrickleStream(bytes, size) : new MemoryStream(bytes);
        context.Request.ContentLength = contentLength;
        context.Request.ContentType = contentType;
        return context.Request;
    }

    /// <summary>A body that arrives a few bytes per read, as a slow client sends it.</summary>
    private sealed class TrickleStream(byte[] bytes, int piece) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, piece));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, piece)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, piece), cancellationToken);
    }
}
