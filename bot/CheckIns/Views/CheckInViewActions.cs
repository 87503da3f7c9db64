using System.Collections.Immutable;
using FlywheelBot.Views;

namespace FlywheelBot.CheckIns.Views;

/// <summary>
/// The buttons of the check-in views (card data key <c>cmd</c> = the Action.Execute verb; see
/// <see cref="Commands.CheckInCommandParser"/>), and what a user can type instead. Every check-in button is
/// <see cref="ViewAction.AnswersCard"/> (Action.Execute): the check-in interceptor answers each card action by replacing
/// the card it came from with the outcome.
/// </summary>
internal static class CheckInViewActions
{
    public static ImmutableArray<ViewAction> For(ViewModel view) => view switch
    {
        CheckInPromptView { Fields.Length: > 0 } p =>
        [
            Answering(ViewAction.Of("Send numbers", "visitors 5400, nps 20", true, ("cmd", "checkin-answer"), ("period", p.Period))),
            Answering(ViewAction.Of("Snooze a day", "snooze", false, ("cmd", "checkin-snooze"))),
            Answering(ViewAction.Of("Pause check-ins", "pause check-ins", false, ("cmd", "checkin-pause"))),
        ],
        CheckInPromptView => [Answering(ViewAction.Of("Pause check-ins", "pause check-ins", false, ("cmd", "checkin-pause")))],
        CheckInStatusView { Schedule: not null } s =>
        [
            s.State == CheckInState.Active
                ? Answering(ViewAction.Of("Pause", "pause check-ins", false, ("cmd", "checkin-pause")))
                : Answering(ViewAction.Of("Resume", "resume check-ins", true, ("cmd", "checkin-resume"))),
            Answering(ViewAction.Of("Skip next", "skip next check-in", false, ("cmd", "checkin-skip"))),
            Answering(ViewAction.Of("History", "history", false, ("cmd", "checkin-history"))),
            Answering(ViewAction.Of("Stop", "stop check-ins", false, ("cmd", "checkin-stop"))),
        ],
        CheckInSetupView => [Answering(ViewAction.Of("Start weekly check-ins", "check in every Monday at 9", true, ("cmd", "checkin-subscribe")))],
        CheckInResultView => [Answering(ViewAction.Of("History", "history", false, ("cmd", "checkin-history")))],
        // Not answering: the export arrives as a new message and the history card keeps its chart.
        CheckInHistoryView { SnapshotCount: > 0 } => [ViewAction.Of("Export CSV", "export", false, ("cmd", "checkin-export"))],
        _ => [],
    };

    private static ViewAction Answering(ViewAction action) => action with { AnswersCard = true };
}
