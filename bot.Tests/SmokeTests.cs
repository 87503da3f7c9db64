using FlywheelBot.Flywheel;

namespace FlywheelBot.Tests;

public sealed class FlywheelIdsTests
{
    [Theory]
    [InlineData("sdm", Audience.Sdm)]
    [InlineData("END-USER", Audience.EndUser)]
    public void Audience_ids_round_trip(string id, Audience expected)
    {
        Assert.True(FlywheelIds.TryParseAudience(id, out var audience));
        Assert.Equal(expected, audience);
        Assert.Equal(id.ToLowerInvariant(), FlywheelIds.Of(audience));
    }

    [Fact]
    public void Unknown_audience_is_rejected() => Assert.False(FlywheelIds.TryParseAudience("cto", out _));
}
