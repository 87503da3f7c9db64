using System.Collections.Immutable;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Flywheel;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.CheckIns;

/// <summary>
/// One of each check-in view (the channels' renderer tests draw them: <c>Channels/BotFramework/Cards/CheckInCardRenderingTests</c>,
/// the Slack Block Kit tests) and their plain-text form.
/// </summary>
public sealed class CheckInCardTests
{
    public static TheoryData<string> ViewNames => new(Samples().Keys);

    /// <summary>One of each check-in view, with awkward user text where text can come from users.</summary>
    public static ImmutableDictionary<string, ViewModel> Samples()
    {
        var schedule = new WeeklySchedule(DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Berlin");
        var recommendation = new Recommendation("webinars", "Webinars \"with\" peers", "Because {\"json\": true}", "Invite one customer", "inbound_conversations", "3 per session", 45);
        return new Dictionary<string, ViewModel>
        {
            ["prompt"] = new CheckInPromptView("2026-W14", "Europe/Berlin", false,
                [new("monthly_visitors", "Website visitors per month", "per month", 5400m), new("activation_pct", "Activation rate", "%", null)], "awareness", "monthly_visitors"),
            ["reminder-without-profile"] = new CheckInPromptView("2026-W14", "UTC", true, [], null, null),
            ["status"] = new CheckInStatusView("Weekly check-in set: every Monday at 09:00 (Europe/Berlin).", schedule, CheckInState.Active, new DateTime(2026, 3, 30, 9, 0, 0), null, true),
            ["status-paused"] = new CheckInStatusView("Check-ins paused.", schedule, CheckInState.Paused, null, "the bot was removed", false),
            ["setup"] = new CheckInSetupView(DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Berlin", "from your Teams client"),
            ["result"] = new CheckInResultView(["Monthly visitors +18 % (800 -> 944)", "awareness now healthy", "next bottleneck: engagement"],
                StageId.Engagement, false, recommendation, [new StopDoing("lead-qualification", "no leads to qualify")]),
            ["history"] = new CheckInHistoryView("Europe/Berlin", [.. Enumerable.Range(0, 8).Select(i => $"{i + 1} Mar")],
                [.. Enum.GetValues<StageId>().Select(s => new StageTrend(s, [null, StageStatus.Weak, StageStatus.Weak, null, StageStatus.Healthy, StageStatus.Healthy, StageStatus.Unknown, StageStatus.Healthy]))],
                new CheckInMetric("monthly_visitors", "Website visitors per month", "per month"), [null, 900m, 1000m, null, 1200m, 1300m, 1250m, 1500m], 12),
            ["history-empty"] = new CheckInHistoryView("UTC", [.. Enumerable.Range(0, 8).Select(i => $"{i + 1} Mar")], [], null, [], 0),
            ["export"] = new CheckInExportView("flywheel-history-20260330.csv", "recorded_at_utc,source\r\n2026-03-30T07:00:00Z,\"a \"\"b\"\"\"\r\n", 1, false),
            ["export-link"] = new CheckInExportView("flywheel-history-20260330.csv", "recorded_at_utc,source\r\n", 1, false)
            {
                Link = new Uri("https://bot.example/api/files/abc"),
                LinkExpiresAt = new DateTimeOffset(2026, 3, 31, 7, 0, 0, TimeSpan.Zero),
            },
            ["history-goal"] = new CheckInHistoryView("Europe/Berlin", [.. Enumerable.Range(0, 8).Select(i => $"{i + 1} Mar")],
                [.. Enum.GetValues<StageId>().Select(s => new StageTrend(s, [StageStatus.Weak, StageStatus.Weak, StageStatus.Weak, StageStatus.Weak, StageStatus.Weak, StageStatus.Weak, StageStatus.Weak, StageStatus.Healthy]))],
                new CheckInMetric("monthly_churn_pct", "Monthly churn (%)", "%"), [6m, 5.5m, 5m, 4.5m, 4m, 3.5m, 3m, 2.5m], 8)
            {
                Target = 2m,
                LowerIsBetter = true,
                Momentum = "The wheel is gaining momentum: Monthly churn (%) improved 7 weeks in a row.",
            },
            ["notice"] = new CheckInNoticeView("I don't know the time zone \"</script>\"."),
        }.ToImmutableDictionary();
    }

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void Every_check_in_view_has_a_text_form(string name)
    {
        Assert.True(CheckInTextBuilder.TryRender(Samples()[name], out var text));
        Assert.False(string.IsNullOrWhiteSpace(text));
    }

    [Fact]
    public void Views_of_other_features_are_left_to_their_renderers()
    {
        Assert.False(CheckInTextBuilder.TryRender(new OtherView(), out _));
    }

    private sealed record OtherView : ViewModel;
}
