namespace FlywheelBot.Views;

/// <summary>One "stop doing" line: the activity and why it is burnt right now.</summary>
public sealed record StopItem(string Title, string Why);
