using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>Display names and numbers of the stages ("Stage 2 of 5: Engagement").</summary>
internal static class StageNames
{
    public const int Count = 5;

    public static string Of(StageId stage) => stage switch
    {
        StageId.Awareness => "Awareness",
        StageId.Engagement => "Engagement",
        StageId.Conversion => "Conversion",
        StageId.Adoption => "Adoption",
        StageId.Advocacy => "Advocacy",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static int Number(StageId stage) => (int)stage + 1;
}
