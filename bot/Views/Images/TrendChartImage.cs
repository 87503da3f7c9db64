using System.Globalization;
using SkiaSharp;

namespace FlywheelBot.Views.Images;

/// <summary>
/// Draws a metric week by week as a PNG line chart on a light panel that reads in light and dark themes: a value axis
/// with round ticks, week labels, each value above its point, the target as a dashed green line with its label, and
/// "lower is better" in the title where that holds. Pure: same picture, same pixels.
/// </summary>
internal static class TrendChartImage
{
    public const int Width = 640;
    public const int Height = 300;
    public const float Left = 64f;
    public const float Right = 24f;
    public const float Top = 44f;
    public const float Bottom = 40f;

    public static RenderedImage Render(TrendPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var scale = Scale.For(picture);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using (var panel = new SKPaint { Color = StatusColors.Panel, IsAntialias = true })
        using (var border = new SKPaint { Color = StatusColors.PanelBorder, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 })
        {
            canvas.DrawRoundRect(new SKRect(1, 1, Width - 1, Height - 1), 16, 16, panel);
            canvas.DrawRoundRect(new SKRect(1, 1, Width - 1, Height - 1), 16, 16, border);
        }

        using var title = ChartFonts.Font(ChartFonts.Bold, 15);
        using var small = ChartFonts.Font(ChartFonts.Regular, 12);
        using var ink = new SKPaint { Color = StatusColors.Ink, IsAntialias = true };
        using var subtle = new SKPaint { Color = StatusColors.SubtleInk, IsAntialias = true };
        var heading = picture.LowerIsBetter ? $"{picture.MetricLabel} (lower is better)" : picture.MetricLabel;
        canvas.DrawText(heading, Left, 26, SKTextAlign.Left, title, ink);

        using var grid = new SKPaint { Color = StatusColors.Grid, StrokeWidth = 1, IsAntialias = false };
        using var axis = new SKPaint { Color = StatusColors.SubtleInk, StrokeWidth = 1, IsAntialias = false };
        foreach (var tick in scale.Ticks)
        {
            var y = scale.Y(tick);
            canvas.DrawLine(Left, y, Width - Right, y, grid);
            canvas.DrawText(picture.Format(tick), Left - 8, y + 4, SKTextAlign.Right, small, subtle);
        }

        canvas.DrawLine(Left, Top, Left, Height - Bottom, axis);
        canvas.DrawLine(Left, Height - Bottom, Width - Right, Height - Bottom, axis);
        for (var i = 0; i < picture.WeekLabels.Length; i++)
        {
            canvas.DrawText(picture.WeekLabels[i], X(i, picture.WeekLabels.Length), Height - Bottom + 18, SKTextAlign.Center, small, subtle);
        }

        if (picture.Target is { } target)
        {
            var y = scale.Y(target);
            using var dashes = SKPathEffect.CreateDash([8f, 5f], 0);
            using var line = new SKPaint { Color = StatusColors.Target, StrokeWidth = 2, IsAntialias = false, PathEffect = dashes };
            canvas.DrawLine(Left, y, Width - Right, y, line);
            using var label = new SKPaint { Color = StatusColors.Target, IsAntialias = true };
            canvas.DrawText($"target {picture.Format(target)}", Width - Right, y - 6, SKTextAlign.Right, small, label);
        }

        DrawSeries(canvas, picture, scale, small, ink);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels() ?? throw new InvalidOperationException("A raster image has pixels.");
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9)) ?? throw new InvalidOperationException("PNG encoding failed.");
        return new RenderedImage(data.ToArray(), Width, Height, AltText(picture));
    }

    public static string AltText(TrendPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var weeks = picture.WeekLabels.Select((label, i) => $"{label}: {(i < picture.Values.Length && picture.Values[i] is { } v ? picture.Format(v) : "no value")}");
        var target = picture.Target is { } t ? $" Target {picture.Format(t)}." : string.Empty;
        var lower = picture.LowerIsBetter ? " Lower is better." : string.Empty;
        return $"{picture.MetricLabel} by week: {string.Join("; ", weeks)}.{target}{lower}";
    }

    /// <summary>The x of the i-th of n weeks.</summary>
    public static float X(int index, int count) =>
        count <= 1 ? (Left + Width - Right) / 2f : Left + 16 + ((Width - Right - Left - 32) * index / (float)(count - 1));

    private static void DrawSeries(SKCanvas canvas, TrendPicture picture, Scale scale, SKFont font, SKPaint ink)
    {
        using var line = new SKPaint { Color = StatusColors.Line, StrokeWidth = 3, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var dot = new SKPaint { Color = StatusColors.Line, IsAntialias = true, Style = SKPaintStyle.Fill };
        SKPoint? previous = null;
        var count = Math.Max(picture.WeekLabels.Length, picture.Values.Length);
        for (var i = 0; i < picture.Values.Length; i++)
        {
            if (picture.Values[i] is not { } value)
            {
                previous = null;
                continue;
            }

            var point = new SKPoint(X(i, count), scale.Y(value));
            if (previous is { } from)
            {
                canvas.DrawLine(from, point, line);
            }

            canvas.DrawCircle(point, 5, dot);
            canvas.DrawText(picture.Format(value), point.X, point.Y - 10, SKTextAlign.Center, font, ink);
            previous = point;
        }
    }

    /// <summary>The value axis: round ticks that cover the values and the target, and the y of a value.</summary>
    internal sealed record Scale(double Min, double Max, IReadOnlyList<decimal> Ticks)
    {
        public static Scale For(TrendPicture picture)
        {
            var all = picture.Values.Where(v => v.HasValue).Select(v => (double)v!.Value).ToList();
            if (picture.Target is { } t)
            {
                all.Add((double)t);
            }

            var low = all.Count == 0 ? 0 : all.Min();
            var high = all.Count == 0 ? 1 : all.Max();
            if (low >= 0 && high > 0 && low < high * 0.5)
            {
                low = 0;
            }

            if (high - low <= 0)
            {
                var pad = Math.Abs(high) > 0 ? Math.Abs(high) * 0.5 : 1;
                low -= pad;
                high += pad;
            }

            var step = NiceStep((high - low) / 4);
            var min = Math.Floor(low / step) * step;
            var max = Math.Ceiling(high / step) * step;
            if (max - min < step)
            {
                max = min + step;
            }

            var ticks = new List<decimal>();
            for (var v = min; v <= max + (step / 2); v += step)
            {
                ticks.Add(decimal.Round((decimal)v, 6));
            }

            return new Scale(min, max, ticks);
        }

        public float Y(decimal value) =>
            (float)(Top + ((Max - (double)value) / (Max - Min) * (Height - Top - Bottom)));

        private static double NiceStep(double raw)
        {
            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            var normal = raw / magnitude;
            var nice = normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 2.5 ? 2.5 : normal <= 5 ? 5 : 10;
            return nice * magnitude;
        }
    }

    /// <summary>"1,500" or "2.5".</summary>
    public static string Plain(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);
}
