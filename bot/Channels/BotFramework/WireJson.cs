using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FlywheelBot.Channels.BotFramework.Wire;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>
/// A JSON response body written whole: serialized into a buffer first, then sent with its <c>Content-Length</c> in one
/// write. Bot Framework bodies are small (an expectReplies body is a few KB), and one write of a known length costs the
/// server one send instead of the chunk-by-chunk sends of a streamed, chunked body.
/// </summary>
internal sealed class WireJson<T>(T value, JsonTypeInfo<T> type, int statusCode) : IResult, IStatusCodeHttpResult
{
    public const string ContentType = "application/json; charset=utf-8";

    public int? StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // A pooled buffer: an expectReplies body with its card is several KB, which a fresh buffer reached by doubling.
        using var buffer = new PooledBufferWriter(8 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted);
    }
}
