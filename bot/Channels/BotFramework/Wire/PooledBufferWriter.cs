using System.Buffers;

namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>
/// A growable byte buffer on arrays rented from <see cref="ArrayPool{T}.Shared"/> and given back on
/// <see cref="Dispose"/>: a response body is serialized into it and sent whole, without a new array per response (or
/// per doubling). What was written must not be used after disposal.
/// </summary>
internal sealed class PooledBufferWriter(int initialCapacity) : IBufferWriter<byte>, IDisposable
{
    private byte[]? buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
    private int written;

    public ReadOnlyMemory<byte> WrittenMemory => Buffer.AsMemory(0, written);

    public int WrittenCount => written;

    private byte[] Buffer => buffer ?? throw new ObjectDisposedException(nameof(PooledBufferWriter));

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Buffer.Length - written);
        written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint).AsMemory(written);

    public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).AsSpan(written);

    public void Dispose()
    {
        if (buffer is { } rented)
        {
            buffer = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The buffer, grown (at least doubled) when fewer than <paramref name="sizeHint"/> bytes (at least 1) are free.</summary>
    private byte[] Ensure(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var current = Buffer;
        var needed = Math.Max(sizeHint, 1);
        if (current.Length - written >= needed)
        {
            return current;
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max((long)current.Length * 2, (long)written + needed)));
        current.AsSpan(0, written).CopyTo(larger);
        buffer = larger;
        ArrayPool<byte>.Shared.Return(current);
        return larger;
    }
}
