namespace FlywheelBot.Tests.Channels.Slack.Installations;

/// <summary>A <c>chat.postMessage</c> the fake Slack accepted: with which token, for which team.</summary>
internal sealed record PostedMessage(string Token, string TeamId, string? Channel, string? Text);
