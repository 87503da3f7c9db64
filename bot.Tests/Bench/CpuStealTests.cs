using FlywheelBot.Bench;

namespace FlywheelBot.Tests.Bench;

public sealed class CpuStealTests
{
    [Fact]
    public void The_stolen_share_is_the_steal_ticks_over_all_ticks_between_two_readings()
    {
        // Two readings of /proc/stat taken 5 s apart on the project's machine during a bench run: 1,081 ticks went by,
        // 198 of them stolen.
        var before = CpuSteal.Parse("cpu  634003 406 153187 690159 4844 0 18113 11077 0 0");
        var after = CpuSteal.Parse("cpu  634412 406 153349 690402 4864 0 18162 11275 0 0");

        Assert.Equal((1_511_789L, 11_077L), before);
        Assert.Equal(100.0 * 198 / 1081, CpuSteal.Percent(before, after)!.Value, precision: 6); // 18.3%
    }

    [Fact]
    public void Guest_time_is_not_counted_twice()
    {
        // guest and guest_nice (the last two fields) are already part of user and nice.
        var before = CpuSteal.Parse("cpu  100 0 0 100 0 0 0 0 50 0");
        var after = CpuSteal.Parse("cpu  200 0 0 150 0 0 0 50 90 0");

        Assert.Equal(25.0, CpuSteal.Percent(before, after));
    }

    [Theory]
    [InlineData("")]
    [InlineData("cpu0 1 2 3 4 5 6 7 8 9 10")]
    [InlineData("cpu  1 2 3")]
    [InlineData("cpu  1 2 x 4 5 6 7 8 9 10")]
    public void A_line_that_is_not_the_machine_total_gives_no_reading(string line)
    {
        Assert.Null(CpuSteal.Parse(line));
    }

    [Fact]
    public void Without_two_readings_or_with_no_time_between_them_there_is_no_share()
    {
        var reading = CpuSteal.Parse("cpu  1 2 3 4 5 6 7 8 0 0");

        Assert.Null(CpuSteal.Percent(null, reading));
        Assert.Null(CpuSteal.Percent(reading, null));
        Assert.Null(CpuSteal.Percent(reading, reading));
    }

    [Fact]
    public void On_this_machine_a_reading_is_taken()
    {
        // CI and the bench run on Linux: the column must not silently say "-" there.
        Assert.True(OperatingSystem.IsLinux());
        var reading = CpuSteal.Read();

        Assert.NotNull(reading);
        Assert.InRange(reading.Value.Stolen, 0, reading.Value.Total);
    }
}
