using System.Collections.Immutable;

namespace FlywheelBot.Views;

/// <summary>
/// One onboarding tour card: what the stage is, the metrics that show its health, how it differs for senior
/// decision-makers and end users, the top activities, and one quick check question.
/// </summary>
public sealed record TourStageView(
    string StageId,
    int Number,
    int Count,
    string Name,
    string WhatItIs,
    ImmutableArray<string> Metrics,
    string ForSdm,
    string ForEndUsers,
    ImmutableArray<string> TopActivities,
    string Quiz,
    ImmutableArray<ChoiceOption> QuizChoices) : ViewModel;
