namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>The stored body of a marker record (an install, a processed activity id): when it was written.</summary>
internal sealed record MarkerRecord(DateTimeOffset At);
