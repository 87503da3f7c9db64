using System.Net;
using System.Text.Json.Nodes;
using FlywheelBot.Channels.Slack;
using FlywheelBot.Channels.Slack.BlockKit;
using Microsoft.Extensions.DependencyInjection;
using FlywheelBot.Tests.Channels.Slack.Support;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>The Slack channel in the whole app: signed requests in, Block Kit through the fake Slack out.</summary>
public sealed class SlackEventsTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private SlackHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _host = new SlackHost(_slack);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        SlackBlockCorpus.RecordCalls("events", _slack);
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Url_verification_answers_the_challenge()
    {
        using var response = await _host.SendAsync(SlackRequests.SignedJson(new JsonObject { ["type"] = "url_verification", ["token"] = "x", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" }, _host.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]);
    }

    [Fact]
    public async Task A_direct_message_starts_the_interview_and_a_choice_button_answers_it_in_place()
    {
        using (var ack = await _host.EventAsync(SlackRequests.DirectMessage("start", "1764579600.000100")))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        var question = await _slack.WaitForCallAsync("chat.postMessage", c => c["text"].Contains("Who does your marketing speak to", StringComparison.Ordinal));
        Assert.Equal(SlackRequests.DmChannel, question["channel"]);
        var blocks = JsonNode.Parse(question["blocks"])!.AsArray();
        var choices = blocks.Single(b => ((string?)b!["block_id"])?.StartsWith("fw:choices:", StringComparison.Ordinal) == true)!;
        var sdm = choices["elements"]!.AsArray().Select(e => e!.AsObject()).First(e => (string?)e["text"]!["text"] == "Senior decision-makers");

        var questionTs = "1764579600.000200";
        using (var ack = await _host.ActionAsync(SlackRequests.BlockAction(sdm, (string)choices["block_id"]!, SlackRequests.DmChannel, questionTs)))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        var update = await _slack.WaitForCallAsync("chat.update");
        Assert.Equal(questionTs, update["ts"]);
        Assert.Contains("Senior decision-makers", update["text"], StringComparison.Ordinal);
        await _slack.WaitForCallAsync("chat.postMessage", c => c["text"].Contains("market", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_retried_event_is_handled_once()
    {
        var ev = SlackRequests.DirectMessage("help", "1764579600.000300");
        using (var first = await _host.EventAsync(ev.DeepClone().AsObject(), "EvRETRY0001"))
        using (var retry = await _host.SendAsync(SlackRequests.SignedJson(SlackRequests.Event(ev.DeepClone().AsObject(), "EvRETRY0001"), _host.Now, retryNum: 1)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        await _slack.WaitForCallAsync("chat.postMessage");
        await Task.Delay(500);
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task A_mention_is_answered_in_its_thread_and_bot_messages_are_ignored()
    {
        using (await _host.EventAsync(new JsonObject { ["type"] = "message", ["channel"] = SlackRequests.DmChannel, ["channel_type"] = "im", ["bot_id"] = "B0OTHER", ["text"] = "start", ["ts"] = "1.1" }))
        using (await _host.EventAsync(new JsonObject { ["type"] = "message", ["subtype"] = "message_changed", ["channel"] = SlackRequests.DmChannel, ["channel_type"] = "im", ["user"] = SlackRequests.UserId, ["ts"] = "1.2" }))
        using (await _host.EventAsync(SlackRequests.DirectMessage("start", "1.3", user: FakeSlackApi.BotUserId)))
        using (await _host.EventAsync(SlackRequests.Mention("what should we do next", "1764579600.000400")))
        {
        }

        var reply = await _slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal(SlackRequests.Channel, reply["channel"]);
        Assert.Equal("1764579600.000400", reply["thread_ts"]);
        await Task.Delay(300);
        Assert.All(_slack.CallsTo("chat.postMessage"), c => Assert.Equal(SlackRequests.Channel, c["channel"]));
    }

    [Fact]
    public async Task A_slash_command_is_acknowledged_at_once_with_an_empty_body_and_answered_in_the_channel()
    {
        using var ack = await _host.CommandAsync("help");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal(string.Empty, await ack.Content.ReadAsStringAsync());
        var help = await _slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal(SlackRequests.DmChannel, help["channel"]);
        Assert.Contains("How I can help", help["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_of_a_team_without_an_installation_are_ignored()
    {
        using var ack = await _host.SendAsync(SlackRequests.SignedJson(SlackRequests.Event(SlackRequests.DirectMessage("start", "2.1"), teamId: "T0STRANGER"), _host.Now));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Tokens_revoked_removes_the_installation_only_when_it_names_the_bot_token()
    {
        var installations = _host.Services.GetRequiredService<ISlackInstallations>();
        Assert.NotNull(await installations.FindAsync(null, FakeSlackApi.TeamId, CancellationToken.None));

        using (await _host.EventAsync(new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray("U0ADA"), ["bot"] = new JsonArray() } }))
        using (await _host.EventAsync(SlackRequests.DirectMessage("help", "4.1")))
        {
            Assert.Contains("How I can help", (await _slack.WaitForCallAsync("chat.postMessage"))["text"], StringComparison.Ordinal);
        }

        Assert.NotNull(await installations.FindAsync(null, FakeSlackApi.TeamId, CancellationToken.None));

        using (await _host.EventAsync(new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["bot"] = new JsonArray(FakeSlackApi.BotUserId) } }))
        {
            for (var i = 0; i < 500 && await installations.FindAsync(null, FakeSlackApi.TeamId, CancellationToken.None) is not null; i++)
            {
                await Task.Delay(10);
            }
        }

        Assert.Null(await installations.FindAsync(null, FakeSlackApi.TeamId, CancellationToken.None));
    }

    [Fact]
    public void Mentions_of_the_bot_are_stripped_and_others_kept()
    {
        Assert.Equal("what should we do next", FlywheelBot.Channels.Slack.Inbound.SlackTurns.StripMention($"<@{FakeSlackApi.BotUserId}> what should we do next", FakeSlackApi.BotUserId));
        Assert.Equal("ask <@U0BOB>", FlywheelBot.Channels.Slack.Inbound.SlackTurns.StripMention($"<@{FakeSlackApi.BotUserId}|flywheelbot> ask <@U0BOB>", FakeSlackApi.BotUserId));
        Assert.True(SlackActionIds.AnswersMessage("fw:a:0"));
    }
}
