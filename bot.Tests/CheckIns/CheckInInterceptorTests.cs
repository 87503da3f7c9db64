using System.Collections.Immutable;
using System.Globalization;
using FlywheelBot.Advisor;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Conversations;

namespace FlywheelBot.Tests.CheckIns;

public sealed class CheckInInterceptorTests
{
    private static readonly DateTimeOffset Friday = At("2026-03-20T12:00:00Z");

    [Theory]
    [InlineData("check in every monday at 9", "Europe/Berlin", null, "Europe/Berlin")] // Teams clientInfo zone
    [InlineData("check in every monday at 9", null, "America/Chicago", "America/Chicago")] // CheckIns:DefaultTimeZone
    [InlineData("check in every monday at 9", null, null, "UTC")]
    [InlineData("check in every monday at 9 Asia/Tokyo", "Europe/Berlin", "America/Chicago", "Asia/Tokyo")] // named wins
    [InlineData("check in every monday at 9 asia/tokyo", null, null, "Asia/Tokyo")]
    public async Task Subscribing_uses_the_named_zone_else_the_channel_zone_else_the_setting_else_utc(
        string text, string? turnZone, string? setting, string expected)
    {
        var h = new CheckInHarness(Friday, options: new CheckInOptions { DefaultTimeZone = setting });
        var view = Assert.IsType<CheckInStatusView>((await h.SayAsync(text, turnZone))!.Replies.Single());

        Assert.Equal(expected, view.Schedule!.TimeZoneId);
        Assert.Contains(expected, view.Headline, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(view.NextDueLocal!.Value));
        Assert.Equal(DayOfWeek.Monday, view.NextDueLocal!.Value.DayOfWeek);
        Assert.Equal(expected, (await h.SubscriptionAsync())!.Schedule.TimeZoneId);
    }

    [Fact]
    public async Task An_unknown_zone_is_refused_politely_and_nothing_is_stored()
    {
        var h = new CheckInHarness(Friday);
        var notice = Assert.IsType<CheckInNoticeView>((await h.SayAsync("check in every monday at 9 Mars/Olympus"))!.Replies.Single());
        Assert.Contains("Mars/Olympus", notice.Text, StringComparison.Ordinal);
        Assert.Null(await h.SubscriptionAsync());
    }

    [Fact]
    public async Task Status_shows_the_next_due_time_in_the_teams_zone()
    {
        var h = new CheckInHarness(Friday);
        await h.SayAsync("check in weekly on friday at 14:30 America/New_York");
        var status = Assert.IsType<CheckInStatusView>((await h.SayAsync("check-in status"))!.Replies.Single());
        Assert.Equal(new DateTime(2026, 3, 20, 14, 30, 0), status.NextDueLocal); // 18:30Z today is 14:30 EDT, still ahead
        Assert.Equal(CheckInState.Active, status.State);
    }

    [Fact]
    public async Task Pause_and_resume_stop_and_restart_the_schedule()
    {
        var h = new CheckInHarness(Friday);
        await h.SayAsync("check in every monday at 9 Europe/Berlin");

        var paused = Assert.IsType<CheckInStatusView>((await h.SayAsync("pause"))!.Replies.Single());
        Assert.Equal(CheckInState.Paused, paused.State);
        Assert.Null(paused.NextDueLocal);
        h.Clock.SetUtcNow(At("2026-03-31T10:00:00Z"));
        Assert.Equal(0, await h.NewScheduler().RunOnceAsync(CancellationToken.None));

        var resumed = Assert.IsType<CheckInStatusView>((await h.SayAsync("resume"))!.Replies.Single());
        Assert.Equal(CheckInState.Active, resumed.State);
        Assert.Equal(new DateTime(2026, 4, 6, 9, 0, 0), resumed.NextDueLocal); // missed ones while paused are not sent
    }

    [Fact]
    public async Task Skip_next_moves_to_the_following_week()
    {
        var h = new CheckInHarness(Friday);
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        var view = Assert.IsType<CheckInStatusView>((await h.SayAsync("skip next"))!.Replies.Single());
        Assert.Equal(new DateTime(2026, 3, 30, 9, 0, 0), view.NextDueLocal);
    }

    [Theory]
    [InlineData("snooze", "2026-03-24T09:00:00")]
    [InlineData("snooze a day", "2026-03-24T09:00:00")]
    [InlineData("snooze 2 days", "2026-03-25T09:00:00")]
    [InlineData("snooze until Thursday", "2026-03-26T09:00:00")]
    public async Task Snoozing_before_the_check_in_postpones_it(string text, string expectedLocal)
    {
        var h = new CheckInHarness(Friday);
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        var view = Assert.IsType<CheckInStatusView>((await h.SayAsync(text))!.Replies.Single());
        Assert.Equal(DateTime.Parse(expectedLocal, CultureInfo.InvariantCulture), view.NextDueLocal);

        h.Clock.SetUtcNow(At("2026-03-23T08:00:00Z"));
        var scheduler = h.NewScheduler();
        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None));
        h.Clock.SetUtcNow(WeeklyCalendar.ToInstant(DateTime.Parse(expectedLocal, CultureInfo.InvariantCulture), TimeZones.Find("Europe/Berlin")));
        Assert.Equal(1, await scheduler.RunOnceAsync(CancellationToken.None));
        Assert.Equal("2026-W13", ((CheckInPromptView)h.Messenger.Sent.Single().View).Period);
        Assert.Equal(new DateTime(2026, 3, 30, 9, 0, 0), WeeklyCalendar.ToLocal((await h.SubscriptionAsync())!.NextAt, "Europe/Berlin"));
    }

    [Fact]
    public async Task Snoozing_an_unanswered_check_in_asks_again_once_at_the_snooze_time()
    {
        var h = new CheckInHarness(Friday);
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        var scheduler = h.NewScheduler();
        h.Clock.SetUtcNow(At("2026-03-23T08:00:00Z"));
        await scheduler.RunOnceAsync(CancellationToken.None);

        var view = Assert.IsType<CheckInStatusView>((await h.SayAsync("snooze until wednesday"))!.Replies.Single());
        Assert.Contains("Wed 25 Mar 2026, 09:00", view.Headline, StringComparison.Ordinal);
        h.Clock.SetUtcNow(At("2026-03-24T09:00:00Z")); // the automatic 24 h reminder would be now
        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None));
        h.Clock.SetUtcNow(At("2026-03-25T08:00:00Z"));
        Assert.Equal(1, await scheduler.RunOnceAsync(CancellationToken.None));
        h.Clock.SetUtcNow(At("2026-03-27T08:00:00Z"));
        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None));
        Assert.True(((CheckInPromptView)h.Messenger.Sent.Last().View).IsReminder);
    }

    [Fact]
    public async Task Snoozing_after_the_reminder_went_out_postpones_the_next_check_in_instead_of_a_second_reminder()
    {
        var h = new CheckInHarness(Friday);
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        var scheduler = h.NewScheduler();
        h.Clock.SetUtcNow(At("2026-03-23T08:00:00Z"));
        await scheduler.RunOnceAsync(CancellationToken.None);
        h.Clock.SetUtcNow(At("2026-03-24T08:00:00Z"));
        Assert.Equal(1, await scheduler.RunOnceAsync(CancellationToken.None)); // the reminder

        var view = Assert.IsType<CheckInStatusView>((await h.SayAsync("snooze"))!.Replies.Single());
        Assert.Equal(new DateTime(2026, 3, 31, 9, 0, 0), view.NextDueLocal);
        h.Clock.SetUtcNow(At("2026-03-30T12:00:00Z"));
        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None));
        Assert.Equal(2, h.Messenger.Sent.Count);
    }

    [Fact]
    public async Task Changing_the_time_keeps_the_zone_and_moves_the_next_check_in()
    {
        var h = new CheckInHarness(Friday);
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        var view = Assert.IsType<CheckInStatusView>((await h.SayAsync("move check-in to Tuesday 10:00"))!.Replies.Single());
        Assert.Equal(new WeeklySchedule(DayOfWeek.Tuesday, new TimeOnly(10, 0), "Europe/Berlin"), view.Schedule);
        Assert.Equal(new DateTime(2026, 3, 24, 10, 0, 0), view.NextDueLocal);
    }

    [Fact]
    public async Task Stop_deletes_the_subscription_and_keeps_history()
    {
        var h = new CheckInHarness(Friday);
        h.KnowTeam(("monthly_visitors", 500));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        await h.Recorder.RecordAsync(CheckInHarness.Key, h.Advice.Diagnose((await h.Profiles.GetAsync(CheckInHarness.Key, default))!.ToDiagnosisInput()), "interview", Friday, default);

        Assert.IsType<CheckInNoticeView>((await h.SayAsync("stop check-ins"))!.Replies.Single());
        Assert.Null(await h.SubscriptionAsync());
        Assert.Single(await h.History.RecentAsync(CheckInHarness.Key, 10, default));
        h.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(0, await h.NewScheduler().RunOnceAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("snooze")]
    [InlineData("skip next")]
    [InlineData("visitors 5400")]
    [InlineData("help")]
    [InlineData("skip")]
    [InlineData("cancel")]
    [InlineData("restart")]
    [InlineData("back")]
    [InlineData("sdm")]
    public async Task Without_a_subscription_bare_words_and_metric_answers_go_to_the_advisor(string text)
    {
        var h = new CheckInHarness(Friday);
        Assert.Null(await h.SayAsync(text));
    }

    [Theory]
    [InlineData("visitors 5400")]
    [InlineData("budget 5000")]
    [InlineData("help")]
    [InlineData("skip")]
    [InlineData("resume")] // the advisor's "continue the interview" while check-ins are active
    public async Task With_a_subscription_but_no_pending_check_in_metric_answers_go_to_the_advisor(string text)
    {
        var h = new CheckInHarness(Friday);
        await h.SayAsync("check in every monday at 9");
        Assert.Null(await h.SayAsync(text));
    }

    [Fact]
    public async Task Explicit_commands_without_a_subscription_explain_how_to_subscribe()
    {
        var h = new CheckInHarness(Friday);
        var notice = Assert.IsType<CheckInNoticeView>((await h.SayAsync("pause check-ins"))!.Replies.Single());
        Assert.Contains("check in every Monday at 9", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_answer_updates_the_profile_records_a_snapshot_and_says_what_changed()
    {
        var h = new CheckInHarness(Friday);
        h.KnowTeam(("monthly_visitors", 800), ("inbound_conversations", 4));
        await h.Recorder.RecordAsync(CheckInHarness.Key, h.Advice.Diagnose((await h.Profiles.GetAsync(CheckInHarness.Key, default))!.ToDiagnosisInput()), "interview", Friday, default);
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        h.Clock.SetUtcNow(At("2026-03-23T08:00:00Z"));
        await h.NewScheduler().RunOnceAsync(CancellationToken.None);

        h.Clock.Advance(TimeSpan.FromHours(1));
        var result = Assert.IsType<CheckInResultView>((await h.SayAsync("visitors 944, inbound 4"))!.Replies.Single());

        Assert.Equal(["Monthly visitors +18 % (800 -> 944)", "bottleneck still awareness"], result.Changes.AsEnumerable());
        Assert.Equal(944, (await h.Profiles.GetAsync(CheckInHarness.Key, default))!.Metrics["monthly_visitors"]);
        var history = await h.History.RecentAsync(CheckInHarness.Key, 10, default);
        Assert.Equal(["check-in", "interview"], history.Select(s => s.Source));
        Assert.Null((await h.SubscriptionAsync())!.Pending);

        var next = Assert.IsType<CheckInResultView>((await h.Interceptor.TryHandleAsync(CardAnswer(("metric:monthly_visitors", "1,200")), default))!.ReplaceMessage);
        Assert.Equal(["Monthly visitors +27 % (944 -> 1,200)", "awareness now healthy", "next bottleneck: engagement"], next.Changes.AsEnumerable());
    }

    [Fact]
    public async Task An_unreadable_card_value_is_re_asked_and_nothing_is_saved()
    {
        var h = new CheckInHarness(Friday);
        h.KnowTeam(("monthly_visitors", 800));
        var output = await h.Interceptor.TryHandleAsync(CardAnswer(("metric:monthly_visitors", "lots")), default);
        var notice = Assert.IsType<CheckInNoticeView>(output!.ReplaceMessage);
        Assert.Contains("lots", notice.Text, StringComparison.Ordinal);
        Assert.Equal(800, (await h.Profiles.GetAsync(CheckInHarness.Key, default))!.Metrics["monthly_visitors"]);
        Assert.Empty(await h.History.RecentAsync(CheckInHarness.Key, 10, default));
    }

    [Fact]
    public async Task The_subscribe_button_on_other_cards_subscribes_with_its_values()
    {
        var h = new CheckInHarness(Friday);
        var values = ImmutableDictionary<string, string>.Empty
            .Add("cmd", "checkin-subscribe").Add("day", "thursday").Add("time", "16:45");
        var turn = new InboundTurn(CheckInHarness.Key, ConversationScope.Channel, TurnKind.AnswerInPlace, "u", null, null, values, "Europe/London");
        var view = Assert.IsType<CheckInStatusView>((await h.Interceptor.TryHandleAsync(turn, default))!.ReplaceMessage);
        Assert.Equal(new WeeklySchedule(DayOfWeek.Thursday, new TimeOnly(16, 45), "Europe/London"), view.Schedule);
    }

    [Fact]
    public async Task Check_in_alone_offers_the_set_up_card_with_the_zone_it_would_use()
    {
        var h = new CheckInHarness(Friday);
        var setup = Assert.IsType<CheckInSetupView>((await h.SayAsync("check in", "Europe/Berlin"))!.Replies.Single());
        Assert.Equal("Europe/Berlin", setup.TimeZoneId);
        Assert.Equal("as your chat app reports it", setup.TimeZoneSource);
    }

    private static InboundTurn CardAnswer(params (string Key, string Value)[] inputs) =>
        new(CheckInHarness.Key, ConversationScope.Personal, TurnKind.AnswerInPlace, "u", null, null,
            inputs.Aggregate(ImmutableDictionary<string, string>.Empty.Add("cmd", "checkin-answer"), (d, kv) => d.Add(kv.Key, kv.Value)), null);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
