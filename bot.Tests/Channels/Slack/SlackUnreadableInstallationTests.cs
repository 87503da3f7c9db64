using System.Net;
using System.Text.Json.Nodes;
using FlywheelBot.Channels.Slack;
using FlywheelBot.Channels.Slack.BlockKit;
using FlywheelBot.Channels.Slack.Inbound;
using FlywheelBot.Storage;
using FlywheelBot.Tests.Channels.Slack.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>
/// When the workspace's installation cannot be read (with OAuth distribution it lives in the store, and the store is
/// down), a request is never a 500: a slash command says so to its caller in its acknowledgement; an event or an
/// interaction gets 503 with Retry-After, so Slack retries the event and a modal stays open with its answers.
/// </summary>
public sealed class SlackUnreadableInstallationTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private SlackHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        var installations = new Mock<ISlackInstallations>();
        installations.Setup(i => i.FindAsync(It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("the database is unreachable"));
        _host = new SlackHost(_slack, services: s => s.Replace(ServiceDescriptor.Singleton(installations.Object)));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task A_slash_command_is_told_in_its_acknowledgement()
    {
        using var ack = await _host.CommandAsync("what should we do next");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var body = JsonNode.Parse(await ack.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Equal(SlackDispatcher.CannotTakeCommand, (string?)body["text"]);
    }

    [Fact]
    public async Task Events_and_interactions_get_retry_later_not_a_500()
    {
        using var dm = await _host.EventAsync(SlackRequests.DirectMessage("start", "5.1"));
        using var click = await _host.ActionAsync(SlackRequests.BlockAction(new JsonObject { ["action_id"] = "fw:a:0", ["value"] = "x" }, "b1", SlackRequests.DmChannel, "5.2"));
        using var form = await _host.ActionAsync(SlackRequests.ViewSubmission(new JsonObject { ["callback_id"] = AnswerForm.CallbackId, ["private_metadata"] = "{}" }, new() { ["monthly_visitors"] = "300" }));

        foreach (var response in new[] { dm, click, form })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
            Assert.Contains("retry later", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty(_slack.CallsTo("chat.postMessage"));
    }
}
