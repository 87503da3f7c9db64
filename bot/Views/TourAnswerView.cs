namespace FlywheelBot.Views;

/// <summary>Feedback on a tour check question, with the way on (next stage, or the interview after the last).</summary>
public sealed record TourAnswerView(string StageId, string StageName, bool Correct, string Feedback, string? NextStageId, string? NextStageName) : ViewModel;
