using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>What the interview assumes when a basic question is skipped (and says so in the advice).</summary>
internal static class InterviewDefaults
{
    public const Audience Audience = Flywheel.Audience.Sdm;

    public const MarketAwareness Awareness = MarketAwareness.Emerging;
}
