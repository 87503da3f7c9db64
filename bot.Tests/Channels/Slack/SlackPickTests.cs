using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.Slack.Support;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>
/// Issue 15, item 6 on Slack: what the team does now is a menu of several picks (<c>multi_static_select</c>); a pick only
/// changes the message's state, "Done" sends every pick as one answer, and the advice's stop-doing list follows from it.
/// </summary>
public sealed class SlackPickTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private SlackHost _host = null!;
    private int _ts;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _host = new SlackHost(_slack);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        SlackBlockCorpus.RecordCalls("pick", _slack);
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Several_activities_picked_in_the_menu_are_one_answer_and_the_advice_says_what_to_stop()
    {
        await SayAsync("start");
        await SayAsync("sdm");
        var question = await SayAsync("new");
        var blocks = JsonNode.Parse(question["blocks"])!.AsArray();
        var picker = blocks.Single(b => (string?)b!["block_id"] == "fw:pick:doing")!;
        var menu = picker["elements"]![0]!.AsObject();
        var done = picker["elements"]![1]!.AsObject();
        Assert.Equal("multi_static_select", (string?)menu["type"]);
        var options = menu["options"]!.AsArray().Select(o => (string)o!["value"]!).ToList();
        Assert.Contains("lead-qualification", options);
        Assert.Contains("not-sure", options);
        Assert.DoesNotContain("community-outreach", options); // an end-user activity, not offered to an SDM team

        // A pick alone is no answer: nothing is posted or updated.
        var posted = _slack.CallsTo("chat.postMessage").Count;
        using (await _host.ActionAsync(SlackRequests.BlockAction(menu, "fw:pick:doing", SlackRequests.DmChannel, "1764579600.700000")))
        {
        }

        await Task.Delay(300);
        Assert.Equal(posted, _slack.CallsTo("chat.postMessage").Count);
        Assert.Empty(_slack.CallsTo("chat.update"));

        // "Done" with two picks in the message's state: one answer, the card updated in place, then the advice.
        var press = SlackRequests.BlockAction(done, "fw:pick:doing", SlackRequests.DmChannel, "1764579600.700000");
        press["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["fw:pick:doing"] = new JsonObject
                {
                    ["fw:pick"] = new JsonObject
                    {
                        ["type"] = "multi_static_select",
                        ["selected_options"] = new JsonArray(Option("pr"), Option("lead-qualification")),
                    },
                },
            },
        };
        using (await _host.ActionAsync(press))
        {
        }

        var answered = await _slack.WaitForCallAsync("chat.update");
        Assert.Contains("PR, Qualify leads so sales works the right ones", answered["blocks"], StringComparison.Ordinal);
        var advice = await _slack.WaitForCallAsync("chat.postMessage", c => c["text"].Contains("Do this next", StringComparison.Ordinal));
        Assert.Contains("Stop doing", advice["blocks"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Qualify leads so sales works the right ones", advice["blocks"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_with_nothing_picked_asks_again_politely()
    {
        await SayAsync("start");
        await SayAsync("sdm");
        var question = await SayAsync("new");
        var picker = JsonNode.Parse(question["blocks"])!.AsArray().Single(b => (string?)b!["block_id"] == "fw:pick:doing")!;
        var posted = _slack.CallsTo("chat.postMessage").Count;

        using (await _host.ActionAsync(SlackRequests.BlockAction(picker["elements"]![1]!.AsObject(), "fw:pick:doing", SlackRequests.DmChannel, "1764579600.800000")))
        {
        }

        var reask = await _slack.WaitForCallAsync("chat.postMessage", c => c["text"].Contains("what you do now", StringComparison.Ordinal));
        Assert.Contains("not sure", reask["text"], StringComparison.Ordinal);
        Assert.True(_slack.CallsTo("chat.postMessage").Count > posted);
    }

    private static JsonObject Option(string value) => new()
    {
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value },
        ["value"] = value,
    };

    private async Task<SlackApiCall> SayAsync(string text)
    {
        var before = _slack.CallsTo("chat.postMessage").Count;
        using (await _host.EventAsync(SlackRequests.DirectMessage(text, $"1764579600.{Interlocked.Increment(ref _ts):D6}")))
        {
        }

        for (var i = 0; i < 500 && _slack.CallsTo("chat.postMessage").Count == before; i++)
        {
            await Task.Delay(20);
        }

        return _slack.CallsTo("chat.postMessage")[before];
    }
}
