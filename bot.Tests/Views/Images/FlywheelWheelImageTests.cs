using System.Collections.Immutable;
using FlywheelBot.Flywheel;
using FlywheelBot.Flywheel.Goals;
using FlywheelBot.Tests.Flywheel;
using FlywheelBot.Views.Images;
using SkiaSharp;

namespace FlywheelBot.Tests.Views.Images;

/// <summary>The flywheel picture: size, content, each stage coloured by status where it should be, the bottleneck marked outside its own segment only.</summary>
public sealed class FlywheelWheelImageTests
{
    private static readonly SKColor Weak = new(0xC4, 0x31, 0x4B);
    private static readonly SKColor Healthy = new(0x2E, 0x85, 0x40);
    private static readonly SKColor Unknown = new(0x9A, 0x9C, 0xA0);
    private static readonly SKColor Marker = new(0x1B, 0x1F, 0x3B);
    private static readonly SKColor Panel = new(0xF3, 0xF4, 0xF6);

    [Theory]
    [InlineData(StageId.Awareness)]
    [InlineData(StageId.Conversion)]
    [InlineData(StageId.Advocacy)]
    public void The_bottleneck_band_is_outside_the_bottleneck_segment_and_nowhere_else(StageId bottleneck)
    {
        var picture = Picture(bottleneck, s => s < bottleneck ? StageStatus.Healthy : s == bottleneck ? StageStatus.Weak : StageStatus.Unknown);

        using var bitmap = Decode(FlywheelWheelImage.Render(picture));

        var band = (FlywheelWheelImage.MarkerInner + FlywheelWheelImage.MarkerOuter) / 2f;
        foreach (var stage in Enum.GetValues<StageId>())
        {
            var (x, y) = FlywheelWheelImage.PointOn(stage, band);
            Assert.Equal(stage == bottleneck ? Marker : Panel, bitmap.GetPixel(x, y));
        }
    }

    [Fact]
    public void Each_segment_has_its_status_colour_at_its_own_place_in_flywheel_order()
    {
        var statuses = new Dictionary<StageId, StageStatus>
        {
            [StageId.Awareness] = StageStatus.Healthy,
            [StageId.Engagement] = StageStatus.Healthy,
            [StageId.Conversion] = StageStatus.Weak,
            [StageId.Adoption] = StageStatus.Unknown,
            [StageId.Advocacy] = StageStatus.Unknown,
        };
        using var bitmap = Decode(FlywheelWheelImage.Render(Picture(StageId.Conversion, s => statuses[s])));

        // Just inside the outer edge and off the middle angle, away from the stage's label.
        var radius = FlywheelWheelImage.OuterRadius - 6;
        foreach (var (stage, status) in statuses)
        {
            var (x, y) = FlywheelWheelImage.PointAt(FlywheelWheelImage.MidAngle(stage) + 20, radius);
            var expected = status switch { StageStatus.Weak => Weak, StageStatus.Healthy => Healthy, _ => Unknown };
            Assert.Equal(expected, bitmap.GetPixel(x, y));
        }
    }

    [Fact]
    public void Awareness_sits_at_the_top_and_the_stages_go_clockwise()
    {
        var (ax, ay) = FlywheelWheelImage.PointOn(StageId.Awareness, 150);
        var (ex, _) = FlywheelWheelImage.PointOn(StageId.Engagement, 150);

        Assert.Equal((int)MathF.Round(FlywheelWheelImage.Centre.X * FlywheelWheelImage.Scale), ax);
        Assert.True(ay < FlywheelWheelImage.Centre.Y * FlywheelWheelImage.Scale);
        Assert.True(ex > ax);
    }

    [Fact]
    public void The_picture_has_its_size_is_not_empty_and_says_the_same_in_its_alt_text()
    {
        var diagnosis = Given.Diagnose(Audience.Sdm, MarketAwareness.Emerging, "monthly_visitors=2400 inbound_conversations=6 leads=8 visitor_to_lead_pct=0.4");
        var goal = GoalProgress.Of(Given.Playbook, new FlywheelGoal("leads", 50, new DateOnly(2027, 3, 31), Baseline: 8), 8, new DateOnly(2026, 12, 2));

        var image = WheelPictures.Render(WheelPictures.From(diagnosis, Given.Playbook, goal));

        Assert.Equal(FlywheelWheelImage.Pixels, image.Width);
        Assert.Equal(FlywheelWheelImage.Pixels, image.Height);
        Assert.InRange(image.Png.Length, 4000, 30_000); // small enough to embed in a card as a data URI
        using var bitmap = Decode(image);
        Assert.Equal(image.Width, bitmap.Width);
        Assert.Equal(image.Height, bitmap.Height);
        Assert.StartsWith("Your flywheel: Awareness healthy, Engagement ", image.AltText, StringComparison.Ordinal);
        Assert.Contains("Bottleneck: Conversion.", image.AltText, StringComparison.Ordinal);
        Assert.Contains("Goal: New leads per month 50 by 31 Mar, now 8.", image.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Goal_progress_draws_an_arc_from_the_top_and_no_goal_draws_none()
    {
        var half = new WheelGoal("New leads per month", "50 by 31 Mar", "now 25", 0.5);
        using var withGoal = Decode(FlywheelWheelImage.Render(Picture(StageId.Awareness, _ => StageStatus.Unknown) with { Goal = half }));
        using var noGoal = Decode(FlywheelWheelImage.Render(Picture(StageId.Awareness, _ => StageStatus.Unknown)));

        var progress = new SKColor(0x46, 0x4E, 0xB8);
        var (qx, qy) = FlywheelWheelImage.PointAt(0, FlywheelWheelImage.ProgressRadius); // a quarter round: inside the half done
        var (tx, ty) = FlywheelWheelImage.PointAt(180, FlywheelWheelImage.ProgressRadius); // three quarters round: not reached
        Assert.Equal(progress, withGoal.GetPixel(qx, qy));
        Assert.NotEqual(progress, withGoal.GetPixel(tx, ty));
        Assert.NotEqual(progress, noGoal.GetPixel(qx, qy));
    }

    [Fact]
    public void The_same_picture_gives_the_same_bytes() =>
        Assert.Equal(
            FlywheelWheelImage.Render(Picture(StageId.Adoption, _ => StageStatus.Weak)).Png,
            FlywheelWheelImage.Render(Picture(StageId.Adoption, _ => StageStatus.Weak)).Png);

    private static WheelPicture Picture(StageId bottleneck, Func<StageId, StageStatus> status) =>
        new(
            [.. Enum.GetValues<StageId>().Select(s => new WheelStage(s, Given.Playbook.Stage(s).Title, status(s)))],
            bottleneck,
            IsOptimisation: false,
            Goal: null);

    private static SKBitmap Decode(RenderedImage image) => SKBitmap.Decode(image.Png);
}
