namespace FlywheelBot.Views;

/// <summary>The commands buttons send back (card data <c>cmd</c>, also the Action.Execute verb).</summary>
public static class ViewCommands
{
    public const string Start = "start";
    public const string Answer = "answer";
    public const string Skip = "skip";
    public const string Back = "back";
    public const string Help = "help";
    public const string Cancel = "cancel";
    public const string Restart = "restart";
    public const string Why = "why";
    public const string Advice = "advice";
    public const string Learn = "learn";
    public const string Quiz = "quiz";
}
