using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.Slack.Support;
using FlywheelBot.Views;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>The first-install welcome: the first time a user opens the app, one short message in their DM; never again.</summary>
public sealed class SlackWelcomeTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private SlackHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _host = new SlackHost(_slack);
        _ = _host.Server;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        SlackBlockCorpus.RecordCalls("welcome", _slack);
        await _slack.DisposeAsync();
    }

    private static JsonObject Opened(string tab, string user = SlackRequests.UserId, string channel = SlackRequests.DmChannel) => new()
    {
        ["type"] = "app_home_opened",
        ["user"] = user,
        ["channel"] = channel,
        ["tab"] = tab,
        ["event_ts"] = "1764579600.000500",
    };

    private async Task SettleAsync()
    {
        // The work runs after the acknowledgement: wait until the app has no Slack work left.
        var work = (FlywheelBot.Channels.Slack.Inbound.SlackWork)_host.Services.GetService(typeof(FlywheelBot.Channels.Slack.Inbound.SlackWork))!;
        for (var i = 0; i < 500 && work.Count > 0; i++)
        {
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task A_first_time_user_is_welcomed_once_in_their_dm_whatever_tabs_they_open_after()
    {
        // Home and Messages opened together (as Slack sends them on a first visit), then again later.
        using (await _host.EventAsync(Opened("home")))
        using (await _host.EventAsync(Opened("messages")))
        {
        }

        var welcome = await _slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal(SlackRequests.DmChannel, welcome["channel"]);
        Assert.Contains(ViewTexts.WelcomeWhat, welcome["text"], StringComparison.Ordinal);
        var buttons = JsonNode.Parse(welcome["blocks"])!.AsArray().Where(b => (string?)b!["type"] == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(e => (string?)e!["text"]!["text"]).ToList();
        Assert.Contains("Start", buttons);

        using (await _host.EventAsync(Opened("messages")))
        using (await _host.EventAsync(Opened("home")))
        {
        }

        await SettleAsync();
        Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal(2, _slack.CallsTo("views.publish").Count);
    }

    [Fact]
    public async Task Someone_who_already_talked_to_the_bot_is_not_welcomed()
    {
        using (await _host.EventAsync(SlackRequests.DirectMessage("help", "1764579600.000100")))
        {
        }

        await _slack.WaitForCallAsync("chat.postMessage");
        await SettleAsync();
        var posted = _slack.CallsTo("chat.postMessage").Count;

        using (await _host.EventAsync(Opened("messages")))
        {
        }

        await SettleAsync();
        Assert.Equal(posted, _slack.CallsTo("chat.postMessage").Count);
    }
}
