namespace FlywheelBot.Views;

/// <summary>The keys of card data and inputs, shared by the renderers and the advisor that reads them back.</summary>
public static class ViewData
{
    /// <summary>The command a button runs (channels that carry it elsewhere, such as an Action.Execute verb, put it here).</summary>
    public const string Command = "cmd";

    /// <summary>The question a value answers (guards against answers from stale cards).</summary>
    public const string Question = "q";

    /// <summary>The answer: a button's value, or the id of the card's input.</summary>
    public const string Value = "value";

    /// <summary>A flywheel stage id (tour navigation, quiz answers).</summary>
    public const string Stage = "stage";
}
