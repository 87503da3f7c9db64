using System.Collections.Immutable;
using System.Globalization;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>Body of the recommendation: the one activity, why, first step, metric to watch, stop-doing, assumptions.</summary>
internal static class RecommendationCard
{
    public static ImmutableArray<CardElement> Build(RecommendationView view)
    {
        var body = ImmutableArray.CreateBuilder<CardElement>();
        body.Add(Blocks.Subtle(view.Source ?? "Your next move"));
        body.Add(Blocks.Heading(view.ActivityTitle));
        body.Add(Blocks.Colored(view.Headline, view.IsOptimisation ? TextColor.Good : view.BottleneckStatus == Flywheel.StageStatus.Watch ? TextColor.Warning : TextColor.Attention));
        body.Add(Blocks.Body(view.BottleneckReason));
        body.Add(Blocks.Label("Why this"));
        body.Add(Blocks.Body(view.Why));
        if (view.Spoke is { } spoke)
        {
            body.Add(Blocks.Subtle(spoke));
        }

        body.Add(Blocks.Label("First step this week"));
        body.Add(Blocks.Body(view.FirstStep));
        body.Add(new FactSet(
        [
            new Fact("Watch", view.MetricToWatch),
            new Fact("Target", view.Target),
            new Fact("Review on", view.ReviewOn.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)),
        ])
        { Spacing = Spacing.Medium });
        if (view.Goal is { } goal)
        {
            body.Add(Blocks.Label(goal));
            if (view.GoalLink is { } link)
            {
                body.Add(Blocks.Body(link));
            }
        }

        if (!view.Warnings.IsDefaultOrEmpty)
        {
            body.Add(Blocks.Label("Check these numbers"));
            body.AddRange(view.Warnings.Select(w => (CardElement)(Blocks.Bullet(w) with { Color = TextColor.Warning })));
        }

        if (view.Focus is { } focus)
        {
            body.Add(Blocks.Label("Focus"));
            body.Add(Blocks.Body(focus));
        }

        if (!view.StopDoing.IsDefaultOrEmpty)
        {
            body.Add(Blocks.Label("Stop doing for now"));
            body.AddRange(view.StopDoing.Select(s => Blocks.Bullet($"{s.Title}: {s.Why}")));
        }

        if (!view.Assumptions.IsDefaultOrEmpty)
        {
            body.Add(Blocks.Label("What I assumed"));
            body.AddRange(view.Assumptions.Select(a => (CardElement)(Blocks.Bullet(a) with { IsSubtle = true })));
        }

        return body.ToImmutable();
    }
}
