using FlywheelBot.Storage;
using FlywheelBot.Conversations;
using FlywheelBot.CheckIns;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlywheelBot.Tests.CheckIns;

public sealed class CheckInPauseOnRemovalTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Only_the_lost_workspace_s_check_ins_pause_with_the_reason()
    {
        var store = new InMemoryDocumentStore();
        var repository = new CheckInRepository(store, NullLogger<CheckInRepository>.Instance);
        var schedule = new WeeklySchedule(DayOfWeek.Monday, new TimeOnly(9, 0), "UTC");
        foreach (var key in new[] { "slack:T1:C1", "slack:T1:D2", "slack:T11:C9", "slack:T2:C3", "msteams:19:abc" })
        {
            Assert.NotNull(await repository.TryWriteAsync(CheckInPlanner.Create(key, schedule, Now), 0, CancellationToken.None));
        }

        var listener = new CheckInPauseOnRemoval(store, repository, NullLogger<CheckInPauseOnRemoval>.Instance);
        await listener.OnRemovedAsync(new InstallationRemoved("slack:T1:", "FlywheelBot was uninstalled from this Slack workspace"), CancellationToken.None);

        foreach (var key in new[] { "slack:T1:C1", "slack:T1:D2" })
        {
            var paused = (await repository.GetAsync(key, CancellationToken.None)).Value!;
            Assert.Equal(CheckInState.Paused, paused.State);
            Assert.Equal("FlywheelBot was uninstalled from this Slack workspace", paused.PauseReason);
        }

        foreach (var key in new[] { "slack:T11:C9", "slack:T2:C3", "msteams:19:abc" })
        {
            Assert.Equal(CheckInState.Active, (await repository.GetAsync(key, CancellationToken.None)).Value!.State);
        }
    }

    [Fact]
    public async Task A_second_notice_with_the_same_reason_writes_nothing()
    {
        var store = new InMemoryDocumentStore();
        var repository = new CheckInRepository(store, NullLogger<CheckInRepository>.Instance);
        await repository.TryWriteAsync(CheckInPlanner.Create("slack:T1:C1", new WeeklySchedule(DayOfWeek.Friday, new TimeOnly(14, 30), "UTC"), Now), 0, CancellationToken.None);
        var listener = new CheckInPauseOnRemoval(store, repository, NullLogger<CheckInPauseOnRemoval>.Instance);
        var notice = new InstallationRemoved("slack:T1:", "tokens revoked");

        await listener.OnRemovedAsync(notice, CancellationToken.None);
        var version = (await repository.GetAsync("slack:T1:C1", CancellationToken.None)).Version;
        await listener.OnRemovedAsync(notice, CancellationToken.None);

        Assert.Equal(version, (await repository.GetAsync("slack:T1:C1", CancellationToken.None)).Version);
    }
}
