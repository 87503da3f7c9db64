using System.Globalization;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Conversations;

namespace FlywheelBot.Tests.CheckIns;

public sealed class CheckInSchedulerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Weekly_check_ins_go_out_at_nine_local_before_and_after_the_spring_change_in_Berlin()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        var scheduler = h.NewScheduler();

        Assert.Equal(new[] { "2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z", "2026-04-06T07:00:00Z" }, await SendTimesAsync(h, scheduler, weeks: 3));
        Assert.Equal(new[] { "2026-W13", "2026-W14", "2026-W15" }, h.Messenger.Sent.Select(s => ((CheckInPromptView)s.View).Period));
    }

    [Fact]
    public async Task Weekly_check_ins_keep_nine_local_across_the_autumn_change_in_Berlin()
    {
        var h = new CheckInHarness(At("2026-10-15T12:00:00Z"));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        Assert.Equal(new[] { "2026-10-19T07:00:00Z", "2026-10-26T08:00:00Z" }, await SendTimesAsync(h, h.NewScheduler(), weeks: 2));
    }

    [Fact]
    public async Task Weekly_check_ins_follow_New_York_daylight_saving()
    {
        var h = new CheckInHarness(At("2026-03-02T12:00:00Z"));
        await h.SayAsync("check in weekly on friday at 14:30 America/New_York");
        Assert.Equal(new[] { "2026-03-06T19:30:00Z", "2026-03-13T18:30:00Z" }, await SendTimesAsync(h, h.NewScheduler(), weeks: 2));
    }

    [Fact]
    public async Task A_bot_down_for_weeks_sends_one_missed_check_in_then_the_next_regular_one()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        h.Clock.SetUtcNow(At("2026-04-15T10:00:00Z")); // Wednesday, three Mondays missed

        var scheduler = h.NewScheduler();
        Assert.Equal(1, await scheduler.RunOnceAsync(None));
        Assert.Equal(0, await scheduler.RunOnceAsync(None));
        Assert.Equal("2026-W16", ((CheckInPromptView)h.Messenger.Sent.Single().View).Period);
        Assert.Equal(At("2026-04-20T07:00:00Z"), (await h.SubscriptionAsync())!.NextAt);

        h.Clock.SetUtcNow(At("2026-04-20T07:00:00Z"));
        Assert.Equal(1, await scheduler.RunOnceAsync(None));
        Assert.Equal(2, h.Messenger.Sent.Count);
    }

    [Fact]
    public async Task A_restarted_scheduler_does_not_send_a_period_again()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        h.Clock.SetUtcNow(At("2026-03-23T08:00:30Z"));
        Assert.Equal(1, await h.NewScheduler().RunOnceAsync(None));

        var restarted = h.NewScheduler();
        h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await restarted.RunOnceAsync(None));
        Assert.Single(h.Messenger.Sent);
    }

    [Fact]
    public async Task A_claim_left_by_a_dead_instance_expires_and_the_check_in_is_sent_once()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        h.Clock.SetUtcNow(At("2026-03-23T08:00:00Z"));
        var stored = await h.Repository.GetAsync(CheckInHarness.Key, None);
        var step = CheckInPlanner.Decide(stored.Value!, h.Clock.GetUtcNow())!;
        await h.Repository.TryWriteAsync(CheckInPlanner.ClaimFor(stored.Value!, step, "dead-instance", h.Clock.GetUtcNow() + h.Options.ClaimTimeout), stored.Version, None);

        var survivor = h.NewScheduler();
        Assert.Equal(0, await survivor.RunOnceAsync(None));
        h.Clock.Advance(h.Options.ClaimTimeout);
        Assert.Equal(1, await survivor.RunOnceAsync(None));
        Assert.Equal(0, await survivor.RunOnceAsync(None));
        Assert.Single(h.Messenger.Sent);
    }

    [Fact]
    public async Task A_conversation_that_removed_the_bot_pauses_its_subscription_with_a_reason()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        h.Messenger.Enqueue(SendOutcome.Gone);
        var scheduler = h.NewScheduler();

        h.Clock.SetUtcNow(At("2026-03-23T08:00:00Z"));
        Assert.Equal(0, await scheduler.RunOnceAsync(None));
        var sub = await h.SubscriptionAsync();
        Assert.Equal(CheckInState.Paused, sub!.State);
        Assert.Equal(CheckInScheduler.GoneReason, sub.PauseReason);

        h.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(0, await scheduler.RunOnceAsync(None));
        Assert.Equal(1, h.Messenger.Attempts);

        await h.SayAsync("resume check-ins");
        h.Clock.SetUtcNow(At("2026-04-13T07:00:00Z"));
        Assert.Equal(1, await scheduler.RunOnceAsync(None));
    }

    [Fact]
    public async Task A_conversation_without_a_stored_address_is_paused()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"));
        await h.Interceptor.TryHandleAsync(FlywheelBot.Conversations.InboundTurn.Message("msteams:unknown", "check in every monday at 9"), None);
        h.Clock.SetUtcNow(At("2026-03-23T09:00:00Z"));
        Assert.Equal(0, await h.NewScheduler().RunOnceAsync(None));
        var sub = (await h.Repository.GetAsync("msteams:unknown", None)).Value!;
        Assert.Equal(CheckInState.Paused, sub.State);
        Assert.Equal(CheckInScheduler.NoAddressReason, sub.PauseReason);
    }

    [Fact]
    public async Task Throttled_sends_retry_later_with_backoff_and_are_sent_exactly_once()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        h.Messenger.Enqueue(SendOutcome.RetryLater, SendOutcome.RetryLater);
        var scheduler = h.NewScheduler();
        h.Clock.SetUtcNow(At("2026-03-23T08:00:00Z"));

        Assert.Equal(0, await scheduler.RunOnceAsync(None));
        Assert.Equal(0, await scheduler.RunOnceAsync(None)); // not yet: backoff 1 min
        Assert.Equal(1, h.Messenger.Attempts);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await scheduler.RunOnceAsync(None));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await scheduler.RunOnceAsync(None)); // backoff is now 2 min
        Assert.Equal(2, h.Messenger.Attempts);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await scheduler.RunOnceAsync(None));
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await scheduler.RunOnceAsync(None));

        Assert.Single(h.Messenger.Sent);
        Assert.Equal(3, h.Messenger.Attempts);
        Assert.Null((await h.SubscriptionAsync())!.RetryAt);
    }

    [Fact]
    public async Task An_unanswered_check_in_gets_exactly_one_reminder()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        var scheduler = h.NewScheduler();
        h.Clock.SetUtcNow(At("2026-03-23T08:00:00Z"));
        Assert.Equal(1, await scheduler.RunOnceAsync(None));

        h.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await scheduler.RunOnceAsync(None));
        h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await scheduler.RunOnceAsync(None));
        for (var i = 0; i < 5; i++)
        {
            h.Clock.Advance(TimeSpan.FromHours(24));
            Assert.Equal(0, await scheduler.RunOnceAsync(None));
        }

        var views = h.Messenger.Sent.Select(s => (CheckInPromptView)s.View).ToList();
        Assert.Equal(new[] { false, true }, views.Select(v => v.IsReminder));
        Assert.All(views, v => Assert.Equal("2026-W13", v.Period));
    }

    [Fact]
    public async Task An_answered_check_in_gets_no_reminder()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"));
        h.KnowTeam(("monthly_visitors", 800));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        var scheduler = h.NewScheduler();
        h.Clock.SetUtcNow(At("2026-03-23T08:00:00Z"));
        await scheduler.RunOnceAsync(None);

        h.Clock.Advance(TimeSpan.FromHours(2));
        Assert.IsType<CheckInResultView>((await h.SayAsync("visitors 950"))!.Replies.Single());
        h.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await scheduler.RunOnceAsync(None));
        Assert.Single(h.Messenger.Sent);
    }

    [Fact]
    public async Task The_check_in_asks_for_the_bottleneck_metrics_and_the_metric_to_watch()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"));
        h.KnowTeam(("monthly_visitors", 5000), ("inbound_conversations", 3));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        h.Clock.SetUtcNow(At("2026-03-23T08:00:00Z"));
        await h.NewScheduler().RunOnceAsync(None);

        var (address, view) = h.Messenger.Sent.Single();
        var prompt = Assert.IsType<CheckInPromptView>(view);
        Assert.Equal(CheckInHarness.Key, address.ConversationKey);
        Assert.Equal("engagement", prompt.BottleneckStage);
        Assert.Equal(["inbound_conversations"], prompt.Fields.Select(f => f.MetricId));
        Assert.Equal(3, prompt.Fields[0].LastValue);
        Assert.Equal("Europe/Berlin", prompt.TimeZoneId);
    }

    [Fact]
    public async Task Two_schedulers_on_one_store_never_send_a_period_twice()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        var rendezvous = new LockstepStore.Rendezvous();
        var a = h.NewScheduler(store: new LockstepStore(h.Store, rendezvous));
        var b = h.NewScheduler(store: new LockstepStore(h.Store, rendezvous));
        var sent = 0;
        for (var tick = 0; tick < 2 * 24 * 7 * 6; tick++)
        {
            h.Clock.Advance(TimeSpan.FromMinutes(30));
            var results = await Task.WhenAll(Task.Run(() => a.RunOnceAsync(None)), Task.Run(() => b.RunOnceAsync(None)));
            sent += results.Sum();
        }

        var checkIns = h.Messenger.Sent.Select(s => (CheckInPromptView)s.View).Where(v => !v.IsReminder).ToList();
        Assert.DoesNotContain(h.SchedulerLog.Entries, e => e.StartsWith("Error", StringComparison.Ordinal));
        Assert.Equal(6, checkIns.Count);
        Assert.Equal(checkIns.Count, checkIns.Select(v => v.Period).Distinct().Count());
        Assert.Equal(h.Messenger.Sent.Count, sent);
    }

    [Fact]
    public async Task Moving_the_check_in_later_in_a_week_already_sent_waits_for_next_week()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        var scheduler = h.NewScheduler();
        h.Clock.SetUtcNow(At("2026-03-23T08:00:00Z"));
        await scheduler.RunOnceAsync(None);

        await h.SayAsync("move check-in to Wednesday 10:00");
        Assert.Equal(At("2026-04-01T08:00:00Z"), (await h.SubscriptionAsync())!.NextAt);
        h.Clock.SetUtcNow(At("2026-03-25T09:00:00Z"));
        await scheduler.RunOnceAsync(None); // at most the reminder of Monday's check-in
        Assert.All(h.Messenger.Sent.Skip(1), s => Assert.True(((CheckInPromptView)s.View).IsReminder));
        Assert.Equal(At("2026-04-01T08:00:00Z"), (await h.SubscriptionAsync())!.NextAt);
    }

    [Fact]
    public async Task A_disabled_scheduler_does_not_run()
    {
        var h = new CheckInHarness(At("2026-03-20T12:00:00Z"), options: new CheckInOptions { Enabled = false });
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        h.Clock.SetUtcNow(At("2026-03-23T08:00:00Z"));
        using var scheduler = h.NewScheduler();
        await scheduler.StartAsync(None);
        await scheduler.ExecuteTask!;
        Assert.Empty(h.Messenger.Sent);
    }

    /// <summary>Steps the clock minute by minute around each due time; returns when each check-in went out.</summary>
    private static async Task<string[]> SendTimesAsync(CheckInHarness h, CheckInScheduler scheduler, int weeks)
    {
        h.KnowTeam(("monthly_visitors", 900));
        var times = new List<string>();
        var end = h.Clock.GetUtcNow().AddDays(7 * weeks + 1);
        while (h.Clock.GetUtcNow() < end && times.Count < weeks)
        {
            var due = (await h.SubscriptionAsync())!.NextAt;
            h.Clock.SetUtcNow(due.AddMinutes(-1));
            Assert.Equal(0, await scheduler.RunOnceAsync(None));
            h.Clock.SetUtcNow(due);
            Assert.Equal(1, await scheduler.RunOnceAsync(None));
            Assert.Equal(0, await scheduler.RunOnceAsync(None));
            times.Add(h.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            await h.SayAsync("visitors 1000"); // answered: no reminder in between
        }

        return [.. times];
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
