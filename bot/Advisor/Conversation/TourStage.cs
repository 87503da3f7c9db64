using System.Collections.Immutable;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>One stage of the onboarding tour (prose from <c>tour.json</c>; metrics and activities come from the playbook).</summary>
internal sealed record TourStage(
    StageId Stage,
    string WhatItIs,
    string ForSdm,
    string ForEndUsers,
    string Quiz,
    ImmutableArray<ChoiceOption> Choices,
    string Answer,
    string Right,
    string Wrong);
