namespace FlywheelBot.Channels.Console;

/// <summary>What <c>chat</c> was asked for: the session's settings and an optional playbook file.</summary>
internal sealed record ChatRequest(ChatSettings Settings, string? PlaybookPath);
