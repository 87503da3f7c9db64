using System.Collections.Immutable;
using FlywheelBot.Flywheel;
using SkiaSharp;

namespace FlywheelBot.Views.Images;

/// <summary>
/// Draws a team's flywheel as a PNG: the five stages as segments of a ring, clockwise from the top in flywheel order
/// (arrows between them, advocacy feeding awareness again), each coloured by its status; the bottleneck marked by a dark
/// band outside its segment and a label; the goal and its progress in the centre. Pure: same picture, same pixels.
/// </summary>
internal static class FlywheelWheelImage
{
    /// <summary>The drawing's own coordinate space (all radii and <see cref="Centre"/> are in it).</summary>
    public const int Size = 600;

    /// <summary>The PNG's width and height: the drawing scaled down so the image stays small enough to embed in a card.</summary>
    public const int Pixels = 420;

    public const float Scale = Pixels / (float)Size;
    public const float OuterRadius = 220f;
    public const float InnerRadius = 124f;
    public const float LabelRadius = 162f;
    public const float MarkerInner = 228f;
    public const float MarkerOuter = 244f;
    public const float ProgressRadius = 110f;
    private const float SegmentSweep = 72f;
    private const float Gap = 4f;
    public static readonly SKPoint Centre = new(Size / 2f, 284f);

    /// <summary>The angle (degrees, clockwise from the x axis as the screen draws it) of the middle of a stage's segment.</summary>
    public static float MidAngle(StageId stage) => -90f + (SegmentSweep * (int)stage);

    /// <summary>The PNG's pixel at a radius (drawing units) along a stage's middle angle (for checking the picture).</summary>
    public static (int X, int Y) PointOn(StageId stage, float radius) => PointAt(MidAngle(stage), radius);

    /// <summary>The pixel at a radius and angle (degrees, clockwise from the x axis) from the wheel's centre.</summary>
    public static (int X, int Y) PointAt(float degrees, float radius)
    {
        var radians = degrees * MathF.PI / 180f;
        return ((int)MathF.Round((Centre.X + (radius * MathF.Cos(radians))) * Scale), (int)MathF.Round((Centre.Y + (radius * MathF.Sin(radians))) * Scale));
    }

    public static RenderedImage Render(WheelPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        using var surface = SKSurface.Create(new SKImageInfo(Pixels, Pixels, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Scale(Scale);
        DrawPanel(canvas);
        foreach (var stage in picture.Stages)
        {
            DrawSegment(canvas, stage, stage.Stage == picture.Bottleneck);
        }

        DrawArrows(canvas);
        if (picture.Bottleneck is { } bottleneck)
        {
            DrawMarker(canvas, bottleneck, picture.Stages.FirstOrDefault(s => s.Stage == bottleneck)?.Title ?? FlywheelIds.Of(bottleneck), picture.IsOptimisation);
        }

        DrawCentre(canvas, picture.Goal);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels() ?? throw new InvalidOperationException("A raster image has pixels.");
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9)) ?? throw new InvalidOperationException("PNG encoding failed.");
        return new RenderedImage(data.ToArray(), Pixels, Pixels, AltText(picture));
    }

    public static string AltText(WheelPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var stages = string.Join(", ", picture.Stages.Select(s => $"{s.Title} {FlywheelIds.Of(s.Status)}"));
        var bottleneck = picture.Bottleneck is { } b
            ? $" {(picture.IsOptimisation ? "Weakest stage" : "Bottleneck")}: {picture.Stages.FirstOrDefault(s => s.Stage == b)?.Title ?? FlywheelIds.Of(b)}."
            : string.Empty;
        var goal = picture.Goal is { } g ? $" Goal: {g.MetricLabel} {g.TargetLine}{(g.NowLine is { } now ? $", {now}" : string.Empty)}." : " No goal set.";
        return $"Your flywheel: {stages}.{bottleneck}{goal}";
    }

    private static void DrawPanel(SKCanvas canvas)
    {
        canvas.Clear(SKColors.Transparent);
        using var fill = new SKPaint { Color = StatusColors.Panel, IsAntialias = false, Style = SKPaintStyle.Fill };
        using var border = new SKPaint { Color = StatusColors.PanelBorder, IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        var rect = new SKRect(1, 1, Size - 1, Size - 1);
        canvas.DrawRoundRect(rect, 24, 24, fill);
        canvas.DrawRoundRect(rect, 24, 24, border);
    }

    private static void DrawSegment(SKCanvas canvas, WheelStage stage, bool isBottleneck)
    {
        var start = MidAngle(stage.Stage) - (SegmentSweep / 2f) + (Gap / 2f);
        var sweep = SegmentSweep - Gap;
        using var path = new SKPath();
        path.ArcTo(Oval(OuterRadius), start, sweep, forceMoveTo: true);
        path.ArcTo(Oval(InnerRadius), start + sweep, -sweep, forceMoveTo: false);
        path.Close();
        using var fill = new SKPaint { Color = StatusColors.Of(stage.Status), IsAntialias = false, Style = SKPaintStyle.Fill };
        canvas.DrawPath(path, fill);
        if (isBottleneck)
        {
            using var outline = new SKPaint { Color = StatusColors.Bottleneck, IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = 3 };
            canvas.DrawPath(path, outline);
        }

        var radians = MidAngle(stage.Stage) * MathF.PI / 180f;
        var (x, y) = (Centre.X + (LabelRadius * MathF.Cos(radians)), Centre.Y + (LabelRadius * MathF.Sin(radians)));
        using var font = ChartFonts.Font(ChartFonts.Bold, 14);
        using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText(stage.Title, x, y - 2, SKTextAlign.Center, font, ink);
        using var small = ChartFonts.Font(ChartFonts.Regular, 13);
        canvas.DrawText(FlywheelIds.Of(stage.Status), x, y + 16, SKTextAlign.Center, small, ink);
    }

    private static void DrawArrows(SKCanvas canvas)
    {
        using var paint = new SKPaint { Color = StatusColors.SubtleInk, IsAntialias = false, Style = SKPaintStyle.Fill };
        var radius = LabelRadius;
        foreach (var stage in Enum.GetValues<StageId>())
        {
            // The gap after each stage, pointing clockwise: the stage feeds the next (advocacy feeds awareness).
            var angle = (MidAngle(stage) + (SegmentSweep / 2f)) * MathF.PI / 180f;
            var tip = new SKPoint(Centre.X + (radius * MathF.Cos(angle)), Centre.Y + (radius * MathF.Sin(angle)));
            var along = new SKPoint(-MathF.Sin(angle), MathF.Cos(angle));
            var across = new SKPoint(MathF.Cos(angle), MathF.Sin(angle));
            using var arrow = new SKPath();
            arrow.MoveTo(tip.X + (along.X * 7), tip.Y + (along.Y * 7));
            arrow.LineTo(tip.X - (along.X * 5) + (across.X * 8), tip.Y - (along.Y * 5) + (across.Y * 8));
            arrow.LineTo(tip.X - (along.X * 5) - (across.X * 8), tip.Y - (along.Y * 5) - (across.Y * 8));
            arrow.Close();
            canvas.DrawPath(arrow, paint);
        }
    }

    private static void DrawMarker(SKCanvas canvas, StageId stage, string stageTitle, bool isOptimisation)
    {
        var start = MidAngle(stage) - (SegmentSweep / 2f) + (Gap / 2f);
        var sweep = SegmentSweep - Gap;
        using var band = new SKPath();
        band.ArcTo(Oval(MarkerOuter), start, sweep, forceMoveTo: true);
        band.ArcTo(Oval(MarkerInner), start + sweep, -sweep, forceMoveTo: false);
        band.Close();
        using var paint = new SKPaint { Color = StatusColors.Bottleneck, IsAntialias = false, Style = SKPaintStyle.Fill };
        canvas.DrawPath(band, paint);

        // The legend under the wheel says in words what the band marks.
        using var font = ChartFonts.Font(ChartFonts.Bold, 14);
        var label = $"{(isOptimisation ? "weakest stage (an optimisation)" : "bottleneck")}: {stageTitle}";
        var width = font.MeasureText(label) + 32;
        var left = (Size - width) / 2f;
        canvas.DrawRoundRect(new SKRect(left, Size - 30, left + 22, Size - 18), 3, 3, paint);
        canvas.DrawText(label, left + 32, Size - 19, SKTextAlign.Left, font, paint);
    }

    private static void DrawCentre(SKCanvas canvas, WheelGoal? goal)
    {
        using var track = new SKPaint { Color = StatusColors.Grid, IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = 8 };
        canvas.DrawCircle(Centre, ProgressRadius, track);
        using var ink = new SKPaint { Color = StatusColors.Ink, IsAntialias = true };
        using var subtle = new SKPaint { Color = StatusColors.SubtleInk, IsAntialias = true };
        using var heading = ChartFonts.Font(ChartFonts.Bold, 13);
        using var body = ChartFonts.Font(ChartFonts.Bold, 16);
        using var small = ChartFonts.Font(ChartFonts.Regular, 13);
        if (goal is null)
        {
            canvas.DrawText("NO GOAL SET", Centre.X, Centre.Y - 6, SKTextAlign.Center, heading, subtle);
            canvas.DrawText("one measurable goal", Centre.X, Centre.Y + 14, SKTextAlign.Center, small, subtle);
            return;
        }

        if (goal.Fraction is { } fraction && fraction > 0)
        {
            using var progress = new SKPaint { Color = StatusColors.Progress, IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = 8, StrokeCap = SKStrokeCap.Butt };
            using var arc = new SKPath();
            arc.ArcTo(Oval(ProgressRadius), -90f, (float)(Math.Clamp(fraction, 0, 1) * 359.9), forceMoveTo: true);
            canvas.DrawPath(arc, progress);
        }

        var y = Centre.Y - 38;
        canvas.DrawText("GOAL", Centre.X, y, SKTextAlign.Center, heading, subtle);
        foreach (var line in Wrap(goal.MetricLabel, small, 170).Take(2))
        {
            y += 18;
            canvas.DrawText(line, Centre.X, y, SKTextAlign.Center, small, ink);
        }

        y += 22;
        canvas.DrawText(goal.TargetLine, Centre.X, y, SKTextAlign.Center, body, ink);
        if (goal.NowLine is { } now)
        {
            y += 20;
            canvas.DrawText(now, Centre.X, y, SKTextAlign.Center, small, subtle);
        }
    }

    private static ImmutableArray<string> Wrap(string text, SKFont font, float width)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines.ToImmutable();
    }

    private static SKRect Oval(float radius) => new(Centre.X - radius, Centre.Y - radius, Centre.X + radius, Centre.Y + radius);
}
