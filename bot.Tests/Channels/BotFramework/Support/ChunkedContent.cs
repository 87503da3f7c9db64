using System.Net;
using System.Text;

namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>A body sent without Content-Length (its length is unknown up front, as with chunked uploads).</summary>
internal sealed class ChunkedContent(string text) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var offset = 0; offset < bytes.Length; offset += 8192)
        {
            await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(8192, bytes.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
