using System.Net;
using System.Text.Json.Nodes;
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

    [Fact]
    public async Task The_history_export_is_a_download_button_whose_link_serves_the_csv_file()
    {
        await SayAsync("start");
        await SayAsync("sdm");
        await SayAsync("new");
        await SayAsync("not sure"); // what the team does now: the finished interview is the first snapshot of the history
        await SayAsync("export");

        var export = await _slack.WaitForCallAsync("chat.postMessage", c => c["blocks"].Contains(FlywheelBot.Channels.Slack.BlockKit.BlockKitRenderer.ExportActionId, StringComparison.Ordinal));
        var blocks = JsonNode.Parse(export["blocks"])!.AsArray();
        var button = blocks.Select(b => b!["accessory"]).Single(a => a is not null)!;
        Assert.Equal("button", (string?)button["type"]);
        var link = new Uri((string)button["url"]!);
        Assert.StartsWith("https://bot.example/api/files/", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.DoesNotContain("recorded_at", export["text"], StringComparison.Ordinal); // the notification carries the link, not the rows
        Assert.DoesNotContain("recorded_at", export["blocks"], StringComparison.Ordinal);

        using var client = _host.CreateClient();
        using var download = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("flywheel-history-20261130.csv", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await download.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("recorded_at_utc,", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("2026-11-30T07:30:00", lines[1], StringComparison.Ordinal);

        // Pressing a link button also sends Slack a block action: acknowledged, and nothing else happens.
        var posted = _slack.CallsTo("chat.postMessage").Count;
        var press = SlackRequests.BlockAction(button.AsObject(), blocks.First(b => b!["accessory"] is not null)!["block_id"]?.GetValue<string>() ?? "b1", SlackRequests.DmChannel, "1764487900.000001");
        using (var ack = await _host.ActionAsync(press))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        await Task.Delay(300);
        Assert.Equal(posted, _slack.CallsTo("chat.postMessage").Count);
    }
}
