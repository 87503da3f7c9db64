using System.Collections.Immutable;
using FlywheelBot.Views;

namespace FlywheelBot.CheckIns.Views;

/// <summary>
/// The buttons of the check-in views (card data key <c>cmd</c> = the Action.Execute verb; see
/// <see cref="Commands.CheckInCommandParser"/>), and what a user can type instead.
/// </summary>
internal static class CheckInViewActions
{
    public static ImmutableArray<ViewAction> For(ViewModel view) => view switch
    {
        CheckInPromptView { Fields.Length: > 0 } p =>
        [
            ViewAction.Of("Send numbers", "visitors 5400, nps 20", true, ("cmd", "checkin-answer"), ("period", p.Period)),
            ViewAction.Of("Snooze a day", "snooze", false, ("cmd", "checkin-snooze")),
            ViewAction.Of("Pause check-ins", "pause check-ins", false, ("cmd", "checkin-pause")),
        ],
        CheckInPromptView => [ViewAction.Of("Pause check-ins", "pause check-ins", false, ("cmd", "checkin-pause"))],
        CheckInStatusView { Schedule: not null } s =>
        [
            s.State == CheckInState.Active
                ? ViewAction.Of("Pause", "pause check-ins", false, ("cmd", "checkin-pause"))
                : ViewAction.Of("Resume", "resume check-ins", true, ("cmd", "checkin-resume")),
            ViewAction.Of("Skip next", "skip next check-in", false, ("cmd", "checkin-skip")),
            ViewAction.Of("History", "history", false, ("cmd", "checkin-history")),
            ViewAction.Of("Stop", "stop check-ins", false, ("cmd", "checkin-stop")),
        ],
        CheckInSetupView => [ViewAction.Of("Start weekly check-ins", "check in every Monday at 9", true, ("cmd", "checkin-subscribe"))],
        CheckInResultView => [ViewAction.Of("History", "history", false, ("cmd", "checkin-history"))],
        CheckInHistoryView { SnapshotCount: > 0 } => [ViewAction.Of("Export CSV", "export", false, ("cmd", "checkin-export"))],
        _ => [],
    };
}
