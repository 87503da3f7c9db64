using System.Collections.Immutable;
using FlywheelBot.Views;

namespace FlywheelBot.Channels.BotFramework.Cards;

/// <summary>Bodies of the welcome and help cards.</summary>
internal static class InfoCards
{
    public static ImmutableArray<CardElement> Welcome(WelcomeView view)
    {
        var body = ImmutableArray.CreateBuilder<CardElement>();
        body.Add(Blocks.Heading(ViewTexts.WelcomeTitle));
        body.Add(Blocks.Body(ViewTexts.WelcomeWhat));
        body.Add(Blocks.Subtle(ViewTexts.WelcomeHow));
        if (view.IsTeamChat)
        {
            body.Add(Blocks.Body(ViewTexts.WelcomeTeam));
        }

        return body.ToImmutable();
    }

    public static ImmutableArray<CardElement> Help(HelpView view)
    {
        var body = ImmutableArray.CreateBuilder<CardElement>();
        body.Add(Blocks.Heading("How I can help"));
        if (view.CurrentQuestion is { } question)
        {
            body.Add(Blocks.Body($"We are on: {question}"));
            body.Add(Blocks.Subtle("Answer it whenever you are ready; your place is kept."));
        }

        body.Add(new FactSet(ViewTexts.Commands(view.IsTeamChat).Select(c => new Fact(c.Command, c.Meaning)).ToImmutableArray())
        {
            Spacing = Spacing.Medium,
        });
        return body.ToImmutable();
    }
}
