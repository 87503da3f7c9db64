using FlywheelBot.Advisor.Conversation;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Tests.Advisor;

/// <summary>The real advisor over the real default playbook and engine, built once for all tests (it is immutable).</summary>
internal static class TestAdvisor
{
    public static DiagnosisEngine Engine { get; } = new(PlaybookLoader.LoadDefault());

    public static PlaybookGuide Guide { get; } = new(Engine);

    public static TourContent Tour { get; } = TourContent.LoadEmbedded();

    public static FlywheelBot.Advisor.Conversation.Advisor Advisor { get; } = new(Guide, Tour, AdvisorPolicy.Default);

    public static AdviceViews Views { get; } = new(Guide);

    public static DateTimeOffset Start { get; } = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
}
