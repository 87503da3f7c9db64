namespace FlywheelBot.Views;

/// <summary>One line of help: what to type and what it does.</summary>
public sealed record CommandHelp(string Command, string Meaning);
