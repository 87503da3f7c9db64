namespace FlywheelBot.Tests.TestSupport;

/// <summary>One reply activity as a person would read it: its plain-text summary (the card's fallback text).</summary>
internal sealed record BotReply(string Text)
{
    public const string Recommendation = "Your next move";
    public const string Apology = "Sorry, something went wrong";

    public bool IsRecommendation => Text.Contains(Recommendation, StringComparison.Ordinal);

    public bool Mentions(string fragment) => Text.Contains(fragment, StringComparison.OrdinalIgnoreCase);
}
