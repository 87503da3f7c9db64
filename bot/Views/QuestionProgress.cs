namespace FlywheelBot.Views;

/// <summary>Where a question sits in the walk: "Stage 2 of 5: Engagement", or the intro questions (stage 0).</summary>
public sealed record QuestionProgress(int Stage, int StageCount, string Section);
