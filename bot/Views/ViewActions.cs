using System.Collections.Immutable;

namespace FlywheelBot.Views;

/// <summary>
/// The buttons each view offers, decided once for every renderer (cards show them as buttons, text as
/// "type X to ..." hints). Each list has at most one primary action. Only the buttons that answer their card (a question's
/// Next and Skip, the tour's quiz check) are <see cref="ViewAction.AnswersCard"/>; the rest start something new.
/// </summary>
public static class ViewActions
{
    public static ImmutableArray<ViewAction> For(ViewModel view) => view switch
    {
        WelcomeView => [Start("Start", primary: true), Learn("Learn the flywheel", stageId: null, primary: false), WeeklyCheckIn()],
        QuestionView q => Question(q),
        RecommendationView => [ViewAction.Of("Why this?", "why", true, (ViewData.Command, ViewCommands.Why)), WeeklyCheckIn(), Restart()],
        StageWalkView => [ViewAction.Of("Back to the advice", "advice", true, (ViewData.Command, ViewCommands.Advice))],
        HelpView h => [Start(h.CurrentQuestion is null ? "Start the interview" : "Continue", primary: true), Learn("Learn the flywheel", stageId: null, primary: false)],
        TourStageView t => Tour(t),
        TourAnswerView a => a.NextStageId is { } next
            ? [Learn($"Next: {a.NextStageName}", next, primary: true), Start("Start my interview", primary: false)]
            : [Start("Start my interview", primary: true)],
        NoticeView n => n.Actions,
        _ => [],
    };

    /// <summary>Opens the check-in set-up card (bot/CheckIns answers <c>checkin-setup</c>): day, time and zone pre-filled.</summary>
    private static ViewAction WeeklyCheckIn() =>
        ViewAction.Of("Weekly check-in", "check in", false, (ViewData.Command, "checkin-setup"));

    private static ImmutableArray<ViewAction> Question(QuestionView q)
    {
        var answer = ViewAction.Of("Next", "(type your answer)", true, (ViewData.Command, ViewCommands.Answer), (ViewData.Question, q.QuestionId)) with { AnswersCard = true };
        var skip = ViewAction.Of("Skip", "skip", false, (ViewData.Command, ViewCommands.Skip), (ViewData.Question, q.QuestionId)) with { AnswersCard = true };
        return q.CanGoBack
            ? [answer, skip, ViewAction.Of("Back", "back", false, (ViewData.Command, ViewCommands.Back))]
            : [answer, skip];
    }

    private static ImmutableArray<ViewAction> Tour(TourStageView t) =>
    [
        ViewAction.Of("Check my answer", "(type your answer)", true, (ViewData.Command, ViewCommands.Quiz), (ViewData.Stage, t.StageId)) with { AnswersCard = true },
        ViewAction.Of("Stop the tour", "cancel", false, (ViewData.Command, ViewCommands.Cancel)),
    ];

    private static ViewAction Start(string title, bool primary) =>
        ViewAction.Of(title, "start", primary, (ViewData.Command, ViewCommands.Start));

    private static ViewAction Restart() =>
        ViewAction.Of("Start over", "restart", false, (ViewData.Command, ViewCommands.Restart));

    private static ViewAction Learn(string title, string? stageId, bool primary) => stageId is null
        ? ViewAction.Of(title, "learn", primary, (ViewData.Command, ViewCommands.Learn))
        : ViewAction.Of(title, $"learn {stageId}", primary, (ViewData.Command, ViewCommands.Learn), (ViewData.Stage, stageId));
}
