using SkiaSharp;

namespace FlywheelBot.CheckIns.Views;

/// <summary>Draws the metric to watch, week by week, as a small PNG line chart (no text: labels live in the card).</summary>
internal static class TrendChart
{
    public const int Width = 400;
    public const int Height = 160;
    private const float Pad = 12f;

    public static byte[] RenderPng(IReadOnlyList<decimal?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        using var grid = new SKPaint { Color = new SKColor(0xE0, 0xE0, 0xE0), StrokeWidth = 1, IsAntialias = false };
        for (var i = 0; i <= 3; i++)
        {
            var y = Pad + ((Height - (2 * Pad)) * i / 3f);
            canvas.DrawLine(Pad, y, Width - Pad, y, grid);
        }

        var present = values.Where(v => v.HasValue).Select(v => (double)v!.Value).ToList();
        if (present.Count > 0)
        {
            var min = present.Min();
            var max = present.Max();
            var span = max - min;
            if (span <= 0)
            {
                span = Math.Abs(max) > 0 ? Math.Abs(max) : 1;
                min -= span / 2;
            }

            var step = values.Count > 1 ? (Width - (2 * Pad)) / (values.Count - 1) : 0f;
            SKPoint Point(int i, double v) => new(Pad + (step * i), (float)(Height - Pad - ((v - min) / span * (Height - (2 * Pad)))));

            using var line = new SKPaint { Color = new SKColor(0x46, 0x4E, 0xB8), StrokeWidth = 3, IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var dot = new SKPaint { Color = new SKColor(0x46, 0x4E, 0xB8), IsAntialias = true, Style = SKPaintStyle.Fill };
            SKPoint? previous = null;
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is not { } value)
                {
                    previous = null;
                    continue;
                }

                var p = Point(i, (double)value);
                if (previous is { } from)
                {
                    canvas.DrawLine(from, p, line);
                }

                canvas.DrawCircle(p, 4, dot);
                previous = p;
            }
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
