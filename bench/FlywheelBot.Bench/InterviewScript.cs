namespace FlywheelBot.Bench;

/// <summary>The typed answers of one whole interview, as a marketer would give them in personal chat.</summary>
internal static class InterviewScript
{
    public static readonly string[] Turns =
    [
        "start",
        "sdm",
        "emerging",
        "5000",
        "40",
        "3%",
        "20",
    ];
}
