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

        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, 16 * 1024));
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return (null, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes} bytes.");
            }
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(buffer.WrittenSpan, BotFrameworkJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status400BadRequest, "The body is not a JSON activity.");
        }

        return string.IsNullOrWhiteSpace(activity?.Type)
            ? (null, StatusCodes.Status400BadRequest, "The activity has no type.")
            : (activity, StatusCodes.Status200OK, string.Empty);
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }
}
