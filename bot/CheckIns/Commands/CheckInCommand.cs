namespace FlywheelBot.CheckIns.Commands;

/// <summary>
/// A parsed check-in command. <see cref="Explicit"/> is false for bare words ("pause", "snooze") that are only
/// claimed when the conversation has a subscription, so they never swallow another feature's turn.
/// </summary>
internal abstract record CheckInCommand(bool Explicit = true);
