using SkiaSharp;

namespace FlywheelBot.Views.Images;

/// <summary>
/// The typefaces the pictures draw text with: DejaVu Sans from the system (Debian's <c>fonts-dejavu-core</c>, which the
/// CI and the container install), loaded from its file so no font configuration is needed and the same glyphs are drawn
/// everywhere. Where no DejaVu file exists, Skia's default typeface is used (the shapes and colours stay the same).
/// </summary>
internal static class ChartFonts
{
    private static readonly string[] Folders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/local/share/fonts",
    ];

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>True when DejaVu was found (text is then drawn with the same font on every machine).</summary>
    public static bool HasDejaVu => Folders.Any(f => File.Exists(Path.Combine(f, "DejaVuSans.ttf")));

    /// <summary>A font for drawing: no hinting and no subpixel positioning, so glyph outlines do not depend on the machine's settings.</summary>
    public static SKFont Font(SKTypeface typeface, float size) => new(typeface, size)
    {
        Hinting = SKFontHinting.None,
        Subpixel = false,
        Edging = SKFontEdging.Antialias,
    };

    private static SKTypeface Load(string file)
    {
        foreach (var folder in Folders)
        {
            var path = Path.Combine(folder, file);
            if (File.Exists(path) && SKTypeface.FromFile(path) is { } face)
            {
                return face;
            }
        }

        return SKTypeface.Default;
    }
}
