using System.Buffers;
using System.Text.Json;
using FlywheelBot.Channels.BotFramework.Wire;

namespace FlywheelBot.Channels.BotFramework.Inbound;

/// <summary>
/// Reads an activity from a request body of at most <c>maxBytes</c> (counted while reading, so chunked bodies without
/// Content-Length are limited too). Problems come back as a status and a reason, never as an exception.
/// </summary>
internal static class ActivityReader
{
    public static async Task<(Activity? Activity, int Status, string Reason)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is { Length: > 0 } contentType && !IsJson(contentType))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, "The body must be JSON (Content-Type: application/json).");
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes} bytes.");
        }

        Activity? activity;

        // The body is read into a pooled buffer (a turn's body is a few KB; a fresh 16 KB array per request was most of
        // what reading allocated). Nothing read keeps a reference into it: strings and JSON values are copied out.
        var buffer = ArrayPool<byte>.Shared.Rent(FirstBufferSize(request.ContentLength, maxBytes));
        try
        {
            var written = 0;
            while (true)
            {
                if (written == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, written).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(written), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                written += read;
                if (written > maxBytes)
                {
                    return (null, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes} bytes.");
                }
            }

            activity = JsonSerializer.Deserialize(buffer.AsSpan(0, written), BotFrameworkJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status400BadRequest, "The body is not a JSON activity.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return string.IsNullOrWhiteSpace(activity?.Type)
            ? (null, StatusCodes.Status400BadRequest, "The activity has no type.")
            : (activity, StatusCodes.Status200OK, string.Empty);
    }

    /// <summary>Room for the whole body when its length is given (one byte more, so the read that finds the end needs no new buffer), else 4 KB.</summary>
    private static int FirstBufferSize(long? contentLength, int maxBytes) =>
        (int)Math.Min(Math.Max(contentLength is { } length ? length + 1 : 4096, 256), Math.Max((long)maxBytes + 1, 256));

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }
}
