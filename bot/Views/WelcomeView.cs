namespace FlywheelBot.Views;

/// <summary>The first card after install: what the bot does, one primary action (start) and the tour.</summary>
public sealed record WelcomeView(bool IsTeamChat) : ViewModel;
