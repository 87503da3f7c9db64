using System.Collections.Immutable;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>Body of an interview question: progress, the re-ask problem if any, the question and its input.</summary>
internal static class QuestionCard
{
    public static ImmutableArray<CardElement> Build(QuestionView view)
    {
        var body = ImmutableArray.CreateBuilder<CardElement>();
        body.Add(Blocks.Subtle(ViewTexts.Progress(view.Progress)));
        if (view.Problem is { } problem)
        {
            body.Add(new TextBlock(problem) { Color = TextColor.Attention });
        }

        body.Add(new TextBlock(view.Prompt) { Weight = TextWeight.Bolder, Size = TextSize.Medium });
        body.Add(Blocks.Subtle(view.Hint));
        body.Add(view.IsChoice
            ? new ChoiceSetInput(view.Choices.Select(c => new Choice(c.Label, c.Value)).ToImmutableArray())
            {
                Id = ViewData.Value,
                Style = ChoiceSetStyle.Expanded,
                Wrap = true,
                IsMultiSelect = view.IsMultiSelect ? true : null,
            }
            : new NumberInput
            {
                Id = ViewData.Value,
                Label = view.Unit is { } unit ? $"Your number ({unit})" : "Your number",
                Placeholder = view.Unit == "%" ? "e.g. 12.5" : "e.g. 1200",
                Min = view.Min,
                Max = view.Max,
            });
        return body.ToImmutable();
    }
}
