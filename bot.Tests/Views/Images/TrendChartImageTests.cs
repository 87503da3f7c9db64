using System.Collections.Immutable;
using FlywheelBot.Views.Images;
using SkiaSharp;

namespace FlywheelBot.Tests.Views.Images;

/// <summary>The trend chart: size, values where the scale puts them, the target line at the target, "lower is better" in the alt text.</summary>
public sealed class TrendChartImageTests
{
    private static readonly SKColor Line = new(0x46, 0x4E, 0xB8);
    private static readonly SKColor Target = new(0x10, 0x7C, 0x41);
    private static readonly ImmutableArray<string> Weeks = ["5 Oct", "12 Oct", "19 Oct", "26 Oct", "2 Nov", "9 Nov", "16 Nov", "23 Nov"];

    [Fact]
    public void The_chart_has_its_size_and_the_points_sit_where_the_scale_puts_them()
    {
        var picture = Picture([null, 900m, 1100m, null, 1500m, 1400m, 1600m, 1800m], target: 2500m);

        var image = TrendChartImage.Render(picture);
        using var bitmap = SKBitmap.Decode(image.Png);

        Assert.Equal(TrendChartImage.Width, bitmap.Width);
        Assert.Equal(TrendChartImage.Height, bitmap.Height);
        var scale = TrendChartImage.Scale.For(picture);
        foreach (var (value, week) in new[] { (900m, 1), (1500m, 4), (1800m, 7) })
        {
            var x = (int)MathF.Round(TrendChartImage.X(week, Weeks.Length));
            var y = (int)MathF.Round(scale.Y(value));
            Assert.Equal(Line, bitmap.GetPixel(x, y));
        }
    }

    [Fact]
    public void The_target_line_is_drawn_at_the_target_value_and_the_scale_includes_it()
    {
        var picture = Picture([10m, 12m, 11m, 14m, null, null, null, null], target: 40m);

        using var bitmap = SKBitmap.Decode(TrendChartImage.Render(picture).Png);

        var scale = TrendChartImage.Scale.For(picture);
        Assert.True(scale.Max >= 40);
        var y = (int)MathF.Floor(scale.Y(40m));
        var row = Enumerable.Range((int)TrendChartImage.Left + 2, 200).Select(x => bitmap.GetPixel(x, y)).ToList();
        Assert.True(row.Count(c => c == Target) > 80, "the dashed target line runs along the target's row");
    }

    [Fact]
    public void Without_a_target_no_target_colour_appears()
    {
        using var bitmap = SKBitmap.Decode(TrendChartImage.Render(Picture([10m, 12m, 11m, 14m, 15m, 16m, 12m, 18m], target: null)).Png);

        Assert.DoesNotContain(bitmap.Pixels, c => c == Target);
    }

    [Fact]
    public void Lower_is_better_and_the_target_are_in_the_alt_text_with_every_week()
    {
        var picture = Picture([5m, 4.5m, null, 4m, 3.5m, 3m, 3m, 2.5m], target: 2m) with { LowerIsBetter = true, MetricLabel = "Monthly churn (%)", Format = v => $"{v} %" };

        var alt = TrendChartImage.Render(picture).AltText;

        Assert.Equal("Monthly churn (%) by week: 5 Oct: 5 %; 12 Oct: 4.5 %; 19 Oct: no value; 26 Oct: 4 %; 2 Nov: 3.5 %; 9 Nov: 3 %; 16 Nov: 3 %; 23 Nov: 2.5 %. Target 2 %. Lower is better.", alt);
    }

    [Theory]
    [InlineData(new double[] { })]
    [InlineData(new double[] { 5, 5, 5 })]
    [InlineData(new double[] { 0 })]
    [InlineData(new double[] { -20, 10, 35 })]
    public void Edge_cases_still_draw_a_chart(double[] values)
    {
        var picture = Picture([.. values.Select(v => (decimal?)v)], target: null) with { WeekLabels = [.. values.Select((_, i) => $"w{i}")] };

        var image = TrendChartImage.Render(picture);

        Assert.NotEmpty(image.Png);
        Assert.All(TrendChartImage.Scale.For(picture).Ticks.Zip(TrendChartImage.Scale.For(picture).Ticks.Skip(1)), p => Assert.True(p.First < p.Second));
    }

    private static TrendPicture Picture(ImmutableArray<decimal?> values, decimal? target) =>
        new("Website visitors per month", Weeks, values, target, LowerIsBetter: false, TrendChartImage.Plain);
}
