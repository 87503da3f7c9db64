namespace FlywheelBot.Channels.BotFramework.Wire;

/// <summary>What the connector answers to a send: the new activity's id.</summary>
internal sealed record ResourceResponse(string? Id);
