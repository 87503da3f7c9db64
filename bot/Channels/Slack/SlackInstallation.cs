namespace FlywheelBot.Channels.Slack;

/// <summary>What the Slack channel needs to act in one workspace: the bot token of that workspace and who the bot is there.</summary>
public sealed record SlackInstallation(string? EnterpriseId, string TeamId, string BotToken, string BotUserId, string? BotId);
