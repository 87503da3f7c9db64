namespace FlywheelBot.Bench;

/// <summary>
/// One whole interview as a marketer would type it in personal chat: start, audience (senior decision-makers),
/// market awareness (emerging), then the nine metrics those are asked, in flywheel order (visitor to lead is worked out
/// from visitors and leads, so it is not asked), and what the team does now. All healthy numbers, so the interview walks
/// all five stages and the last answer gets the recommendation card.
/// </summary>
internal static class InterviewScript
{
    /// <summary>Text of the recommendation card (its heading), expected in the reply to the last turn.</summary>
    public const string RecommendationMarker = "Your next move";

    /// <summary>Text of the apology the channel sends when a turn failed.</summary>
    public const string ApologyMarker = "Sorry, something went wrong";

    public static readonly string[] Turns =
    [
        "start",
        "sdm",
        "emerging",
        "5000", // monthly website visitors
        "12%", // share of voice
        "40", // inbound conversations a month
        "200", // new leads a month
        "20%", // lead to customer
        "40%", // activation
        "3%", // monthly churn
        "30", // NPS
        "10", // referral leads a month
        "not sure", // what the team does now
    ];
}
