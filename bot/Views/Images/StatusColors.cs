using FlywheelBot.Flywheel;
using SkiaSharp;

namespace FlywheelBot.Views.Images;

/// <summary>
/// The colours the pictures use, chosen to read on the light panel they sit on in both light and dark chat themes.
/// Statuses go by their wire id (weak, watch, healthy, unknown), so a new status still draws (as unknown) until it
/// gets a colour of its own.
/// </summary>
internal static class StatusColors
{
    public static readonly SKColor Panel = new(0xF3, 0xF4, 0xF6);
    public static readonly SKColor PanelBorder = new(0xC8, 0xCC, 0xD2);
    public static readonly SKColor Ink = new(0x24, 0x24, 0x24);
    public static readonly SKColor SubtleInk = new(0x5C, 0x5F, 0x66);
    public static readonly SKColor Grid = new(0xDA, 0xDD, 0xE1);
    public static readonly SKColor Line = new(0x46, 0x4E, 0xB8);
    public static readonly SKColor Target = new(0x10, 0x7C, 0x41);
    public static readonly SKColor Bottleneck = new(0x1B, 0x1F, 0x3B);
    public static readonly SKColor Progress = new(0x46, 0x4E, 0xB8);

    public static readonly SKColor Weak = new(0xC4, 0x31, 0x4B);
    public static readonly SKColor Watch = new(0xE8, 0xA3, 0x17);
    public static readonly SKColor Healthy = new(0x2E, 0x85, 0x40);
    public static readonly SKColor Unknown = new(0x9A, 0x9C, 0xA0);

    public static SKColor Of(StageStatus status) => FlywheelIds.Of(status) switch
    {
        "weak" => Weak,
        "watch" => Watch,
        "healthy" => Healthy,
        _ => Unknown,
    };
}
