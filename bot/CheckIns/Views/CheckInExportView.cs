using FlywheelBot.Views;

namespace FlywheelBot.CheckIns.Views;

/// <summary>
/// The history as RFC 4180 CSV, with its file name. With <see cref="Link"/> the file is served by the bot (a download
/// link valid until <see cref="LinkExpiresAt"/>) and <see cref="Csv"/> holds the whole export; without one (no
/// served-files service) <see cref="Csv"/> is the newest rows that fit one message.
/// </summary>
public sealed record CheckInExportView(string FileName, string Csv, int Rows, bool Truncated) : ViewModel
{
    public Uri? Link { get; init; }

    public DateTimeOffset? LinkExpiresAt { get; init; }
}
