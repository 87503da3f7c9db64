using FlywheelBot.Flywheel;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>The question the interview is on: a basic question (<see cref="Metric"/> null) or a stage's metric.</summary>
internal sealed record InterviewStep(string QuestionId, BasicQuestion? Basic, MetricQuestion? Metric, StageId? Stage)
{
    public string Prompt => Basic?.Prompt ?? Metric!.Question;
}
