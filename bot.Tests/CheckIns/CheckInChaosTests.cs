using System.Globalization;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Conversations;

namespace FlywheelBot.Tests.CheckIns;

/// <summary>
/// Random mixes of commands, clock jumps, failed sends, dead instances and restarts on one subscription; whatever
/// happens, no week is sent twice, no week gets two reminders, and nothing is sent while paused.
/// </summary>
public sealed class CheckInChaosTests
{
    private static readonly string[] Commands =
    [
        "pause", "resume", "skip next", "snooze", "snooze until friday", "snooze 2 days", "move check-in to Wednesday 10:00",
        "move check-in to monday 9:00", "change check-in time to 02:30", "set check-in zone to America/New_York",
        "set check-in zone to Europe/Berlin", "check-in status", "visitors 950", "check in every sunday at 2:30 Europe/Berlin",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    public async Task Whatever_happens_no_week_is_sent_twice_and_nothing_is_sent_while_paused(int seed)
    {
        var random = new Random(seed);
        var h = new CheckInHarness(At("2026-03-01T00:00:00Z"));
        h.KnowTeam(("monthly_visitors", 500));
        await h.SayAsync("check in every monday at 9 Europe/Berlin");
        var scheduler = h.NewScheduler();
        var sentWhilePaused = 0;

        for (var step = 0; step < 1000; step++)
        {
            switch (random.Next(10))
            {
                case 0:
                    await h.SayAsync(Commands[random.Next(Commands.Length)]);
                    break;
                case 1 when h.Messenger.Queued == 0:
                    h.Messenger.Enqueue(random.Next(4) == 0 ? SendOutcome.Gone : SendOutcome.RetryLater);
                    break;
                case 2:
                    scheduler = h.NewScheduler(); // restart
                    break;
                case 3:
                    await ClaimAsDeadInstanceAsync(h);
                    break;
                default:
                    h.Clock.Advance(TimeSpan.FromMinutes(random.Next(1, 60 * 30)));
                    break;
            }

            var before = (await h.SubscriptionAsync())!;
            var sentBefore = h.Messenger.Sent.Count;
            await scheduler.RunOnceAsync(CancellationToken.None);
            if (before.State == CheckInState.Paused && h.Messenger.Sent.Count > sentBefore)
            {
                sentWhilePaused++;
            }
        }

        var views = h.Messenger.Sent.Select(s => (CheckInPromptView)s.View).ToList();
        var checkIns = views.Where(v => !v.IsReminder).Select(v => v.Period).ToList();
        var reminders = views.Where(v => v.IsReminder).Select(v => v.Period).ToList();
        var log = string.Join(", ", views.Select(v => v.Period + (v.IsReminder ? "r" : string.Empty)));
        Assert.True(checkIns.Count == checkIns.Distinct().Count(), "check-ins: " + log);
        Assert.True(reminders.Count == reminders.Distinct().Count(), "reminders: " + log);
        Assert.Subset(checkIns.ToHashSet(), reminders.ToHashSet());
        Assert.Equal(0, sentWhilePaused);
        Assert.True(checkIns.Count > 0, $"{await h.SubscriptionAsync()} attempts {h.Messenger.Attempts}");
        Assert.DoesNotContain(h.SchedulerLog.Entries, e => e.StartsWith("Error", StringComparison.Ordinal));
    }

    private static async Task ClaimAsDeadInstanceAsync(CheckInHarness h)
    {
        var stored = await h.Repository.GetAsync(CheckInHarness.Key, CancellationToken.None);
        if (stored.Value is { } sub && CheckInPlanner.Decide(sub, h.Clock.GetUtcNow()) is { Kind: not CheckInStepKind.AdvanceWithoutSending } step)
        {
            var claimed = CheckInPlanner.ClaimFor(sub, step, "dead", h.Clock.GetUtcNow() + h.Options.ClaimTimeout);
            await h.Repository.TryWriteAsync(claimed, stored.Version, CancellationToken.None);
        }
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
