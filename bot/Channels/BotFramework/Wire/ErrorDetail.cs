namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>A machine-readable code and a human-readable message.</summary>
internal sealed record ErrorDetail(string Code, string Message);
