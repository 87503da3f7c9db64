using System.Net;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.Slack.Support;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>The modal interview: "Answer in a form" opens one number field per metric of the stage; a bad number is a field error.</summary>
public sealed class SlackFormTests : IAsyncLifetime
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
        SlackBlockCorpus.RecordCalls("form", _slack);
        await _slack.DisposeAsync();
    }

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

    [Fact]
    public async Task Answer_in_a_form_opens_a_field_per_metric_rejects_a_bad_number_on_its_field_then_advances()
    {
        await SayAsync("start");
        await SayAsync("sdm");
        var question = await SayAsync("emerging");
        var blocks = JsonNode.Parse(question["blocks"])!.AsArray();
        var questionId = ((string)blocks.Single(b => (string?)b!["type"] == "input")!["block_id"]!)["fw:q:".Length..];
        var formActions = blocks.Single(b => (string?)b!["block_id"] == "fw:form")!;

        using (await _host.ActionAsync(SlackRequests.BlockAction(formActions["elements"]![0]!.AsObject(), "fw:form", SlackRequests.DmChannel, "1764579600.900000")))
        {
        }

        var open = await _slack.WaitForCallAsync("views.open");
        Assert.Equal("1234.5678.trigger", open["trigger_id"]);
        var view = JsonNode.Parse(open["view"])!.AsObject();
        var fields = view["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "input").Select(b => b!.AsObject()).ToList();
        Assert.Equal($"m:{questionId}", (string?)fields[0]["block_id"]);
        Assert.False((bool)fields[0]["optional"]!);
        Assert.All(fields, f => Assert.Equal("number_input", (string?)f["element"]!["type"]));

        var bad = SlackRequests.ViewSubmission(view, fields.ToDictionary(f => ((string)f["block_id"]!)[2..], f => (string?)"-5"));
        using (var rejected = await _host.ActionAsync(bad))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
            var body = JsonNode.Parse(await rejected.Content.ReadAsStringAsync())!;
            Assert.Equal("errors", (string?)body["response_action"]);
            Assert.Contains("at least 0", (string?)body["errors"]![$"m:{questionId}"], StringComparison.Ordinal);
        }

        var posted = _slack.CallsTo("chat.postMessage").Count;
        var good = SlackRequests.ViewSubmission(view, fields.ToDictionary(f => ((string)f["block_id"]!)[2..], f => (string?)(f["element"]!["max_value"] is null ? "2400" : "10")));
        using (var accepted = await _host.ActionAsync(good))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal(string.Empty, await accepted.Content.ReadAsStringAsync());
        }

        for (var i = 0; i < 500 && _slack.CallsTo("chat.postMessage").Count == posted; i++)
        {
            await Task.Delay(20);
        }

        var after = _slack.CallsTo("chat.postMessage")[posted];
        Assert.DoesNotContain(fields.Select(f => ((string)f["block_id"]!)[2..]), id => after["blocks"].Contains($"fw:q:{id}\"", StringComparison.Ordinal));
    }
}
