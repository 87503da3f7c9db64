using System.Collections.Immutable;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>Bodies of the onboarding tour: one card per stage with a quick check, and the feedback card.</summary>
internal static class TourCards
{
    public static ImmutableArray<CardElement> Stage(TourStageView view)
    {
        var body = ImmutableArray.CreateBuilder<CardElement>();
        body.Add(Blocks.Subtle($"Flywheel tour: stage {view.Number} of {view.Count}"));
        body.Add(Blocks.Heading(view.Name));
        body.Add(Blocks.Body(view.WhatItIs));
        body.Add(Blocks.Label("Signs of health"));
        body.AddRange(view.Metrics.Select(m => (CardElement)Blocks.Bullet(m)));
        body.Add(Blocks.Label("Senior decision-makers"));
        body.Add(Blocks.Body(view.ForSdm));
        body.Add(Blocks.Label("End users"));
        body.Add(Blocks.Body(view.ForEndUsers));
        body.Add(Blocks.Label("Top activities"));
        body.AddRange(view.TopActivities.Select(a => (CardElement)Blocks.Bullet(a)));
        body.Add(Blocks.Label("Quick check"));
        body.Add(Blocks.Body(view.Quiz));
        body.Add(new ChoiceSetInput(view.QuizChoices.Select(c => new Choice(c.Label, c.Value)).ToImmutableArray())
        {
            Id = ViewData.Value,
            Style = ChoiceSetStyle.Expanded,
            Wrap = true,
        });
        return body.ToImmutable();
    }

    public static ImmutableArray<CardElement> Answer(TourAnswerView view) =>
    [
        Blocks.Colored(view.Correct ? "Right." : "Not quite.", view.Correct ? TextColor.Good : TextColor.Warning),
        Blocks.Body(view.Feedback),
        Blocks.Subtle(view.NextStageId is null ? "That was the last stage. Ready to look at your own flywheel?" : $"{view.StageName} done."),
    ];
}
