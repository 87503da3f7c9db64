using FlywheelBot.Tests.Channels.Slack.Support;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>The bot's Socket Mode client against the fake Socket Mode server (itself proven with the official client).</summary>
public sealed class SlackSocketModeTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private FakeSocketMode _socket = null!;
    private SlackHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _socket = await FakeSocketMode.StartAsync(_slack);
        _host = new SlackHost(_slack, new Dictionary<string, string?> { ["Slack:SocketMode"] = "true", ["Slack:AppToken"] = FakeSlackApi.AppToken });
        _ = _host.Server; // starts the host, and with it the Socket Mode client
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        SlackBlockCorpus.RecordCalls("socket-mode", _slack);
        await _socket.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Envelopes_are_acked_by_id_and_handled_and_a_refresh_opens_the_new_link_before_closing_the_old()
    {
        await _socket.WaitForOpenLinksAsync(1);
        var ack = await _socket.SendAsync("events_api", SlackRequests.Event(SlackRequests.DirectMessage("start", "1764579600.000100")), acceptsResponsePayload: false);
        Assert.StartsWith("env-", (string?)ack["envelope_id"], StringComparison.Ordinal);
        await _slack.WaitForCallAsync("chat.postMessage", c => c["text"].Contains("Who does your marketing speak to", StringComparison.Ordinal));

        await _socket.RefreshAsync();
        await _socket.WaitForOpenLinksAsync(2);
        var links = _socket.Links;
        Assert.True(links[1].OpenedAt <= (links[0].ClosedAt ?? DateTime.MaxValue), "the new link opened before the old one closed");
        await WaitUntilAsync(() => links[0].ClosedAt is not null);

        var second = await _socket.SendAsync("slash_commands", SlackSocketModeFakeTests.JsonSerializerNode(SlackRequests.Command("help")), acceptsResponsePayload: true);
        Assert.NotNull(second["envelope_id"]);
        await _slack.WaitForCallAsync("chat.postMessage", c => c["text"].Contains("How I can help", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dropped_link_is_reopened_with_a_fresh_url()
    {
        await _socket.WaitForOpenLinksAsync(1);
        _socket.Drop();
        await _socket.WaitForOpenLinksAsync(2);

        Assert.Equal(2, _slack.CallsTo("apps.connections.open").Count);
        var ack = await _socket.SendAsync("events_api", SlackRequests.Event(SlackRequests.DirectMessage("help", "1764579600.000900")), acceptsResponsePayload: false);
        Assert.NotNull(ack["envelope_id"]);
        await _slack.WaitForCallAsync("chat.postMessage");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
