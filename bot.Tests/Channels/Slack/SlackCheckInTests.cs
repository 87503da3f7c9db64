using FlywheelBot.Tests.Channels.Slack.Support;
using Microsoft.Extensions.Time.Testing;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>Weekly check-ins on Slack: subscribed in a DM, the zone from the user's Slack profile, posted once through chat.postMessage.</summary>
public sealed class SlackCheckInTests : IAsyncLifetime
{
    // Monday 30 November 2026, 07:30 UTC = 08:30 in Berlin.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 7, 30, 0, TimeSpan.Zero));
    private FakeSlackApi _slack = null!;
    private SlackHost _host = null!;
    private int _ts;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _slack.SetTimeZone(SlackRequests.UserId, "Europe/Berlin");
        _host = new SlackHost(_slack, clock: _clock);
        _ = _host.Server;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        SlackBlockCorpus.RecordCalls("checkin", _slack);
        await _slack.DisposeAsync();
    }

    private async Task<string> SayAsync(string text)
    {
        var before = _slack.CallsTo("chat.postMessage").Count;
        using (await _host.EventAsync(SlackRequests.DirectMessage(text, $"1764487800.{Interlocked.Increment(ref _ts):D6}")))
        {
        }

        for (var i = 0; i < 500 && _slack.CallsTo("chat.postMessage").Count == before; i++)
        {
            await Task.Delay(20);
        }

        return string.Join("\n", _slack.CallsTo("chat.postMessage").Skip(before).Select(c => c["text"]));
    }

    [Fact]
    public async Task A_check_in_set_in_a_dm_uses_the_slack_profile_zone_and_is_posted_once()
    {
        await SayAsync("start");
        await SayAsync("sdm");
        await SayAsync("new");
        var confirmation = await SayAsync("check in every Monday at 9");
        Assert.Contains("Europe/Berlin", confirmation, StringComparison.Ordinal);
        Assert.Contains(_slack.CallsTo("users.info"), c => c["user"] == SlackRequests.UserId);
        var posted = _slack.CallsTo("chat.postMessage").Count;

        _clock.Advance(TimeSpan.FromMinutes(31)); // 09:01 in Berlin
        for (var i = 0; i < 500 && _slack.CallsTo("chat.postMessage").Count == posted; i++)
        {
            await Task.Delay(20);
        }

        var checkIn = _slack.CallsTo("chat.postMessage").Skip(posted).First();
        Assert.Contains("check-in", checkIn["text"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SlackRequests.DmChannel, checkIn["channel"]);
        Assert.False(checkIn.Args.ContainsKey("thread_ts"));

        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(50);
        }

        Assert.Equal(posted + 1, _slack.CallsTo("chat.postMessage").Count);
    }
}
