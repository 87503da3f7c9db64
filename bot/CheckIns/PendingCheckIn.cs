namespace FlywheelBot.CheckIns;

/// <summary>A check-in that was sent and not answered yet; <see cref="Reminded"/> once its one reminder went out.</summary>
public sealed record PendingCheckIn(string Period, DateTimeOffset SentAt, DateTimeOffset RemindAt, bool Reminded);
