namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>What the fake connector answers to one request: a status, an optional Retry-After, an optional stall.</summary>
internal sealed record ScriptedAnswer(int Status, TimeSpan? RetryAfter = null, TimeSpan? Stall = null);
