using FlywheelBot.Views;

namespace FlywheelBot.CheckIns.Views;

/// <summary>A short check-in message (a re-ask, a polite error, "no check-in set up").</summary>
public sealed record CheckInNoticeView(string Text) : ViewModel;
