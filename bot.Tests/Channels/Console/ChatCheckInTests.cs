using FlywheelBot.Channels.Console;
using FlywheelBot.Hosting;
using FlywheelBot.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Channels.Console;

/// <summary>
/// The terminal chat runs through the same turn handler as every channel: check-ins, history and export answer there,
/// a due check-in prints while the chat waits at its prompt, and <c>--team</c> drops a leading @mention.
/// </summary>
public sealed class ChatCheckInTests
{
    // Friday 20 March 2026, 10:00 UTC; the machine's zone is UTC.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Check_in_set_up_status_history_and_export_work_in_the_chat()
    {
        using var console = new ScriptedConsole();
        console.Type("1", "1", "not sure", "check in every Monday at 9", "check-in status", "history", "export");
        console.EndInput();

        Assert.Equal(0, await RunAsync(console));

        var text = console.Text;
        Assert.Contains("Weekly check-in set: every Monday at 09:00 (UTC)", text, StringComparison.Ordinal);
        Assert.Contains("Your weekly check-in:", text, StringComparison.Ordinal);
        Assert.Contains("Next check-in: Mon 23 Mar 2026, 09:00 (UTC)", text, StringComparison.Ordinal);
        Assert.Contains("Last 8 weeks", text, StringComparison.Ordinal);
        Assert.Contains("History export (", text, StringComparison.Ordinal);
        Assert.Contains("recorded_at_utc,source,bottleneck", text, StringComparison.Ordinal);
        Assert.DoesNotContain("I didn't catch that", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_due_check_in_prints_while_the_chat_is_open_and_its_answer_is_saved()
    {
        using var console = new ScriptedConsole();
        var chat = RunAsync(console);
        console.Type("1", "1", "not sure", "check in every Monday at 9");
        await console.WaitForAsync("Weekly check-in set:");
        await console.WaitForAsync(ConsoleOutput.PromptText, times: 5);

        // Monday 09:00 passes while the chat waits at its prompt: the scheduler's next poll sends the check-in here.
        _clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(23) + TimeSpan.FromMinutes(1));
        await console.WaitForAsync("Weekly check-in (week 2026-W13, UTC).");
        Assert.EndsWith(ConsoleOutput.PromptText, console.Text, StringComparison.Ordinal);

        console.Type("visitors 2,000");
        await console.WaitForAsync("Check-in saved. What changed:");
        console.EndInput();
        Assert.Equal(0, await chat);
    }

    [Theory]
    [InlineData("@FlywheelBot what should we do next")]
    [InlineData("@Flywheel, what should we do next?")]
    public async Task In_a_team_chat_a_leading_mention_is_dropped(string typed)
    {
        using var console = new ScriptedConsole();
        console.Type("1", "1", "not sure", typed, "@FlywheelBot visitors are 5,400 now");
        console.EndInput();

        Assert.Equal(0, await RunAsync(console, "--team"));

        Assert.Contains("From this chat's saved profile, updated today", console.Text, StringComparison.Ordinal);
        Assert.Contains("Updated Website visitors per month: 5,400.", console.Text, StringComparison.Ordinal);
    }

    private Task<int> RunAsync(ScriptedConsole console, params string[] args)
    {
        _clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        return ChatCommand.RunAsync(args, console.Input, console.Output, TextWriter.Null, (request, output) => ChatHost.Build(request, output, _clock));
    }
}
