namespace FlywheelBot.Views;

/// <summary>What the bot can do and the anytime commands; <see cref="CurrentQuestion"/> reminds where we are.</summary>
public sealed record HelpView(string? CurrentQuestion, bool IsTeamChat) : ViewModel;
