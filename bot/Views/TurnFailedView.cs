namespace FlywheelBot.Views;

/// <summary>The polite answer when a turn failed on the bot's side: plain text in every channel, no buttons.</summary>
public sealed record TurnFailedView : ViewModel
{
    public const string Text = "Sorry, something went wrong on my side and I could not answer that. Please try again in a moment.";

    public static TurnFailedView Instance { get; } = new();
}
