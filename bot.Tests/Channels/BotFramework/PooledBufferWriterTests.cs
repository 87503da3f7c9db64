using System.Buffers;
using System.Text.Json;
using FlywheelBot.Channels.BotFramework.Wire;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class PooledBufferWriterTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(5_000)]
    [InlineData(100_000)]
    public void Json_written_into_it_is_the_same_bytes_as_into_a_plain_buffer_however_far_it_grows(int items)
    {
        var value = Enumerable.Range(0, items).Select(i => $"item {i} \u00e9\u201C\"</script>").ToArray();
        var plain = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(plain))
        {
            JsonSerializer.Serialize(writer, value);
        }

        using var pooled = new PooledBufferWriter(256);
        using (var writer = new Utf8JsonWriter(pooled))
        {
            JsonSerializer.Serialize(writer, value);
        }

        Assert.Equal(plain.WrittenCount, pooled.WrittenCount);
        Assert.True(plain.WrittenSpan.SequenceEqual(pooled.WrittenMemory.Span));
    }

    [Fact]
    public void A_size_hint_larger_than_the_free_room_grows_the_buffer_and_keeps_what_was_written()
    {
        using var pooled = new PooledBufferWriter(256);
        pooled.GetSpan(3)[..3].Fill((byte)'a');
        pooled.Advance(3);

        var span = pooled.GetSpan(10_000);
        Assert.True(span.Length >= 10_000);
        span[0] = (byte)'b';
        pooled.Advance(1);

        Assert.Equal("aaab"u8.ToArray(), pooled.WrittenMemory.ToArray());
    }

    [Fact]
    public void Advancing_past_the_room_given_and_use_after_dispose_are_refused()
    {
        var pooled = new PooledBufferWriter(256);
        var room = pooled.GetSpan().Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => pooled.Advance(room + 1));
        pooled.Dispose();
        pooled.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pooled.GetSpan());
    }
}
