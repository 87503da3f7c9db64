using FlywheelBot.Views;

namespace FlywheelBot.CheckIns.Views;

/// <summary>The history as RFC 4180 CSV text, with a suggested file name.</summary>
public sealed record CheckInExportView(string FileName, string Csv, int Rows, bool Truncated) : ViewModel;
