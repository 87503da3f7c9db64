using System.Collections.Immutable;
using FlywheelBot.Conversations;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Advisor.Conversation;

/// <summary>The onboarding tour: one card per stage with a quick check; progress is kept in <see cref="TourProgress"/>.</summary>
internal sealed class TourFlow(IFlywheelGuide guide, TourContent content)
{
    private const int MaxActivities = 4;

    /// <summary>Opens the tour at <paramref name="stageId"/>, else where it was (past a checked stage), else at the first unchecked stage.</summary>
    public TurnResult Open(ConversationState state, string? stageId)
    {
        var stage = FlywheelIds.TryParseStage(stageId, out var asked)
            ? asked
            : state.Tour.Current is { } current
                ? (state.Tour.Checked.Contains(current) && current != StageId.Advocacy ? current + 1 : current)
                : Enum.GetValues<StageId>().FirstOrDefault(s => !state.Tour.Checked.Contains(s));
        return Show(state, stage, []);
    }

    public TurnResult Next(ConversationState state)
    {
        var current = state.Tour.Current ?? StageId.Awareness;
        return current == StageId.Advocacy
            ? Close(state, [])
            : Show(state, current + 1, []);
    }

    public TurnResult Previous(ConversationState state)
    {
        var current = state.Tour.Current ?? StageId.Awareness;
        return current == StageId.Awareness
            ? Show(state, current, [NoticeView.Say("This is the first stage of the tour.")])
            : Show(state, current - 1, []);
    }

    /// <summary>
    /// Checks a quiz answer (a choice value, its number or its label) for <paramref name="stageId"/> or the current stage.
    /// Pressed on the card (<paramref name="fromCardAction"/>), the stage card is replaced by the quiz answered, and the
    /// feedback follows as a new message, as with interview questions.
    /// </summary>
    public TurnResult Check(ConversationState state, string? stageId, string answer, bool fromCardAction = false)
    {
        var stage = FlywheelIds.TryParseStage(stageId, out var asked) ? asked : state.Tour.Current ?? StageId.Awareness;
        var tour = content.For(stage);
        var chosen = ChoiceMatcher.Match(tour.Choices, IntentReader.Normalize(answer));
        if (chosen is null)
        {
            return Show(state, stage, [NoticeView.Say($"Pick one of the {tour.Choices.Length} options (or type its number).")]);
        }

        var correct = chosen == tour.Answer;
        StageId? next = stage == StageId.Advocacy ? null : stage + 1;
        var view = new TourAnswerView(
            FlywheelIds.Of(stage),
            StageNames.Of(stage),
            correct,
            correct ? tour.Right : tour.Wrong,
            next is { } n ? FlywheelIds.Of(n) : null,
            next is { } m ? StageNames.Of(m) : null);
        var progress = new TourProgress(next is null ? null : stage, state.Tour.Checked.Add(stage));
        var mode = next is null ? ConversationMode.Idle : ConversationMode.Tour;
        var answered = fromCardAction ? new AnsweredView(tour.Quiz, tour.Choices.First(c => c.Value == chosen).Label) : null;
        return new TurnResult(state with { Mode = mode, Tour = progress }, new TurnOutput([view], answered));
    }

    public TurnResult Close(ConversationState state, ImmutableArray<ViewModel> before) =>
        new(
            state with { Mode = ConversationMode.Idle, Tour = state.Tour with { Current = null } },
            new TurnOutput(before.Add(new NoticeView(
                "That is the whole flywheel. Ready to find your own bottleneck?",
                [ViewAction.Of("Start my interview", "start", true, (ViewData.Command, ViewCommands.Start))]))));

    public TourStageView View(StageId stage)
    {
        var tour = content.For(stage);
        var metrics = Enum.GetValues<Audience>()
            .SelectMany(a => guide.DecidingMetrics(a, stage))
            .Select(m => m.Label)
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        // The best two for each audience, so the card shows both sides of the stage.
        var activities = Enum.GetValues<Audience>()
            .SelectMany(a => guide.TopActivities(a, stage).Take(MaxActivities / 2))
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        return new TourStageView(
            FlywheelIds.Of(stage),
            StageNames.Number(stage),
            StageNames.Count,
            StageNames.Of(stage),
            tour.WhatItIs,
            metrics,
            tour.ForSdm,
            tour.ForEndUsers,
            activities,
            tour.Quiz,
            tour.Choices);
    }

    private TurnResult Show(ConversationState state, StageId stage, ImmutableArray<ViewModel> before) =>
        new(
            state with { Mode = ConversationMode.Tour, Tour = state.Tour with { Current = stage } },
            new TurnOutput(before.Add(View(stage))));
}
