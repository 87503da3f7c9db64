using System.Collections.Immutable;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>Body of "Why this?": one block per stage, the bottleneck in an emphasised container.</summary>
internal static class StageWalkCard
{
    public static ImmutableArray<CardElement> Build(StageWalkView view)
    {
        var body = ImmutableArray.CreateBuilder<CardElement>();
        body.Add(Blocks.Heading("How your flywheel looks"));
        if (view.Wheel is { } wheel)
        {
            body.Add(CardPictures.Of(wheel));
        }

        foreach (var stage in view.Stages)
        {
            var items = ImmutableArray.CreateBuilder<CardElement>();
            items.Add(new TextBlock(ViewTexts.StageHeadline(stage))
            {
                Weight = TextWeight.Bolder,
                Color = stage.Status switch
                {
                    StageStatus.Weak => TextColor.Attention,
                    StageStatus.Watch => TextColor.Warning,
                    StageStatus.Healthy => TextColor.Good,
                    _ => null,
                },
            });
            items.AddRange(stage.Evidence.Select(e => (CardElement)Blocks.Subtle(e)));
            body.Add(new Container(items.ToImmutable())
            {
                Style = stage.IsBottleneck ? ContainerStyle.Emphasis : null,
                Spacing = Spacing.Medium,
            });
        }

        body.Add(Blocks.Body(view.Reason) with { Spacing = Spacing.Medium });
        return body.ToImmutable();
    }
}
