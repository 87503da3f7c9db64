using System.Globalization;
using FlywheelBot.Advisor;
using FlywheelBot.CheckIns;
using FlywheelBot.CheckIns.Views;
using FlywheelBot.Conversations;
using FlywheelBot.Storage;
using FlywheelBot.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.CheckIns;

/// <summary>Scale-out: two scheduler instances, each with its own connection pool, on one real PostgreSQL database.</summary>
public sealed class CheckInPostgresTests
{
    private static readonly string[] Zones = ["Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata", "Australia/Sydney"];

    [PostgresFact]
    public async Task Two_scheduler_instances_on_one_PostgreSQL_send_every_period_exactly_once()
    {
        // A schema of its own: the schedulers list every due check-in of the collection, so on a shared schema they
        // would also claim and send those of another run of this test on the same server, and each run would miss some.
        await using var schema = await PostgresTestSchema.CreateAsync("fw_checkins");
        var connection = schema.ConnectionString;
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-18T00:00:00Z", CultureInfo.InvariantCulture));
        await using var storeA = new PostgresDocumentStore(connection, clock, NullLogger<PostgresDocumentStore>.Instance);
        await using var storeB = new PostgresDocumentStore(connection, clock, NullLogger<PostgresDocumentStore>.Instance);
        var h = new CheckInHarness(clock.GetUtcNow(), storeA, clock: clock,
            options: new CheckInOptions { BatchSize = 1000, ReminderDelay = TimeSpan.FromHours(30) });
        var run = Guid.NewGuid().ToString("N");
        var keys = Enumerable.Range(0, 12).Select(i => $"test-checkins:{run}:{i}").ToList();
        var random = new Random(2026);
        foreach (var key in keys)
        {
            await h.AddConversationAsync(key);
            var text = $"check in every {(DayOfWeek)random.Next(7)} at {random.Next(24)}:{random.Next(4) * 15:D2} {Zones[random.Next(Zones.Length)]}";
            Assert.IsType<CheckInStatusView>((await h.Interceptor.TryHandleAsync(InboundTurn.Message(key, text), default))!.Replies.Single());
        }

        var rendezvous = new LockstepStore.Rendezvous();
        var a = h.NewScheduler(store: new LockstepStore(storeA, rendezvous));
        var b = h.NewScheduler(store: new LockstepStore(storeB, rendezvous));
        for (var tick = 0; tick < 4 * 7 * 24; tick++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await Task.WhenAll(Task.Run(() => a.RunOnceAsync(default)), Task.Run(() => b.RunOnceAsync(default)));
        }

        var sent = h.Messenger.Sent.Where(s => keys.Contains(s.Address.ConversationKey))
            .Select(s => (s.Address.ConversationKey, View: (CheckInPromptView)s.View)).ToList();
        var checkIns = sent.Where(s => !s.View.IsReminder).Select(s => (s.ConversationKey, s.View.Period)).ToList();
        var reminders = sent.Where(s => s.View.IsReminder).Select(s => (s.ConversationKey, s.View.Period)).ToList();

        Assert.Equal(checkIns.Count, checkIns.Distinct().Count());
        Assert.Equal(reminders.Count, reminders.Distinct().Count());
        Assert.InRange(checkIns.Count, keys.Count * 4, keys.Count * 5); // four weeks, plus a fifth where the weekday comes round again
        Assert.All(keys, key => Assert.InRange(checkIns.Count(c => c.ConversationKey == key), 4, 5));
        Assert.Subset(checkIns.ToHashSet(), reminders.ToHashSet());
        Assert.DoesNotContain(h.SchedulerLog.Entries, e => e.StartsWith("Error", StringComparison.Ordinal));
    }
}
