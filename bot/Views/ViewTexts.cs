using System.Collections.Immutable;
using FlywheelBot.Flywheel;

namespace FlywheelBot.Views;

/// <summary>Wording shared by every renderer, so a card and its plain-text twin say the same thing.</summary>
public static class ViewTexts
{
    public const string WelcomeTitle = "Hi, I'm FlywheelBot";

    public const string WelcomeWhat = "I find the one marketing activity that will move your flywheel most right now.";

    public const string WelcomeHow = "A few quick questions about your audience, your market and your numbers, then one clear recommendation.";

    public const string WelcomeTeam = "Anyone here can ask \"@FlywheelBot what should we do next\" or update a number: \"@FlywheelBot visitors are 5,400 now\".";

    public static ImmutableArray<CommandHelp> Commands(bool isTeamChat)
    {
        var list = ImmutableArray.CreateBuilder<CommandHelp>();
        list.Add(new("start", "start the interview (or pick up where we were)"));
        list.Add(new("help", "this list; your place is kept"));
        list.Add(new("back", "change the previous answer"));
        list.Add(new("skip", "skip this question (I will say what I assumed)"));
        list.Add(new("cancel", "stop the interview or the tour"));
        list.Add(new("restart", "start the interview from the beginning"));
        list.Add(new("why", "the stage walk behind the advice"));
        list.Add(new("learn", "a short tour of the flywheel; \"learn conversion\" jumps to a stage"));
        list.Add(new(isTeamChat ? "what should we do next" : "what should I do next", "the advice from the saved profile"));
        list.Add(new("visitors are 5,400 now", "update one number and get fresh advice"));
        return list.ToImmutable();
    }

    public static string Progress(QuestionProgress progress) => progress.Stage == 0
        ? progress.Section
        : $"Stage {progress.Stage} of {progress.StageCount}: {progress.Section}";

    public static string StageHeadline(StageLine stage)
    {
        var status = stage.Status switch
        {
            StageStatus.Weak => "weak",
            StageStatus.Watch => "on watch",
            StageStatus.Healthy => "healthy",
            _ => "not measured",
        };
        var role = stage.Status switch
        {
            StageStatus.Weak => "the bottleneck",
            StageStatus.Watch => "the earliest stage short of its benchmark: the focus",
            StageStatus.Healthy => "the focus, as an optimisation: nothing is on fire",
            _ => "where the advice starts, for lack of data",
        };
        return stage.IsBottleneck
            ? $"{stage.Number}. {stage.Name}: {status} ({role})"
            : $"{stage.Number}. {stage.Name}: {status}";
    }
}
