using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.Slack.Support;
using FlywheelBot.Tests.Views;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>
/// The fake Socket Mode server speaks the real protocol: the official <c>@slack/socket-mode</c> client gets its URL from
/// the fake <c>apps.connections.open</c>, receives hello, acknowledges envelopes by id (with a response payload where
/// allowed), and after a <c>disconnect</c> fetches a fresh single-use URL and reconnects.
/// </summary>
public sealed class SlackSocketModeFakeTests
{
    [NodePeersFact]
    public async Task The_official_socket_mode_client_connects_acks_and_reconnects_on_refresh()
    {
        Assert.True(NodePeers.MissingReason is null, $"Required peer missing: {NodePeers.MissingReason}");
        await using var api = await FakeSlackApi.StartAsync();
        await using var socket = await FakeSocketMode.StartAsync(api);

        var node = NodePeers.RunAsync("slack-socket-mode.mjs", api.BaseUrl, FakeSlackApi.AppToken, "3");
        await socket.WaitForOpenLinksAsync(1);

        var eventAck = await socket.SendAsync("events_api", SlackRequests.Event(SlackRequests.DirectMessage("hi", "1.1")), acceptsResponsePayload: false);
        var commandAck = await socket.SendAsync("slash_commands", JsonSerializerNode(SlackRequests.Command("status")), acceptsResponsePayload: true);
        Assert.True(eventAck["payload"] is null || eventAck["payload"]!.AsObject().Count == 0);
        Assert.Equal("pong: status", (string?)commandAck["payload"]!["text"]);

        await socket.RefreshAsync();
        await socket.WaitForOpenLinksAsync(2);
        var afterRefresh = await socket.SendAsync("interactive", new JsonObject { ["type"] = "block_actions", ["actions"] = new JsonArray() }, acceptsResponsePayload: false);
        Assert.NotNull(afterRefresh["envelope_id"]);

        var (exit, output) = await node;
        Assert.True(exit == 0, output);
        Assert.Contains("\"done\":true", output, StringComparison.Ordinal);
        Assert.Equal(2, socket.UrlsIssued);
        Assert.Equal(2, api.CallsTo("apps.connections.open").Count);
        Assert.All(api.CallsTo("apps.connections.open"), c => Assert.Equal(FakeSlackApi.AppToken, c.Token));
    }

    internal static JsonObject JsonSerializerNode(Dictionary<string, string> fields) =>
        new(fields.Select(f => new KeyValuePair<string, JsonNode?>(f.Key, f.Value)));
}
