using System.Net;
using System.Text.Json.Nodes;
using FlywheelBot.Advisor;
using FlywheelBot.Conversations;
using FlywheelBot.Tests.Channels.BotFramework.Support;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class MessagesEndpointTests(DevelopmentBot bot) : IClassFixture<DevelopmentBot>
{
    private BotFrameworkHost Host => bot.Host;

    private FakeConnector Connector => bot.Connector;

    [Fact]
    public async Task Head_probe_answers_200()
    {
        using var client = Host.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/messages"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Message_becomes_a_neutral_turn_and_the_reply_is_posted_to_the_connector()
    {
        var conversation = "a:1" + Guid.NewGuid().ToString("N");
        var inbound = BotFrameworkHost.Message(conversation, "  what should we do next ", Connector.ServiceUrl, id: "in-1");

        using var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(Host.Turns.For($"msteams:{conversation}"));
        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("what should we do next", turn.Text);
        Assert.Equal(ConversationScope.Personal, turn.Scope);
        Assert.Equal("29:user-1", turn.UserId);
        Assert.Equal("Ada", turn.UserName);

        var reply = Assert.Single(Connector.To(Uri.EscapeDataString(conversation)));
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(conversation)}/activities/in-1", reply.RawPath);
        Assert.Null(reply.Authorization);
        var activity = reply.Json;
        Assert.False(activity.ContainsKey("id"));
        Assert.Equal("message", (string?)activity["type"]);
        Assert.Equal("in-1", (string?)activity["replyToId"]);
        Assert.Equal(BotFrameworkHost.BotId, (string?)activity["from"]!["id"]);
        Assert.Equal("29:user-1", (string?)activity["recipient"]!["id"]);
        Assert.Equal(conversation, (string?)activity["conversation"]!["id"]);
        Assert.Equal("echo: what should we do next", (string?)activity["summary"]);
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal("AdaptiveCard", (string?)attachment["content"]!["type"]);
        Assert.Equal("echo: what should we do next", (string?)attachment["content"]!["fallbackText"]);
        Assert.DoesNotContain("null", reply.Body, StringComparison.Ordinal);
    }
}
