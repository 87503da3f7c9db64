namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>Class fixture for inbound authentication tests: the authenticated bot on real time.</summary>
public sealed class AuthenticatedBot : PeeredBot;
