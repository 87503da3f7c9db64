using FlywheelBot.Tests.Channels.Slack.Support;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>
/// A slash command's help and errors in a channel are for its caller only: <c>chat.postEphemeral</c>, or the command's
/// <c>response_url</c> with <c>response_type: ephemeral</c> where the bot is not a member. Advice stays public, and in a
/// DM everything is a normal message.
/// </summary>
public sealed class SlackEphemeralTests : IAsyncLifetime
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
        SlackBlockCorpus.RecordCalls("ephemeral", _slack);
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Help_from_a_slash_command_in_a_channel_is_ephemeral_to_the_caller()
    {
        using (await _host.CommandAsync("help", SlackRequests.Channel))
        {
        }

        var help = await _slack.WaitForCallAsync("chat.postEphemeral");
        Assert.Equal(SlackRequests.Channel, help["channel"]);
        Assert.Equal(SlackRequests.UserId, help["user"]);
        Assert.Contains("How I can help", help["text"], StringComparison.Ordinal);
        Assert.Contains("How I can help", help["blocks"], StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Empty(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Where_the_bot_is_not_a_member_the_help_goes_to_the_response_url_as_ephemeral()
    {
        var responseUrl = _slack.BaseUrl + "hooks.commands";
        using (await _host.SendAsync(SlackRequests.SignedForm(SlackRequests.Command("help", "C0GONE1", responseUrl), _host.Now)))
        {
        }

        var reply = await _slack.WaitForCallAsync("hooks.commands");
        Assert.Equal("ephemeral", reply["response_type"]);
        Assert.Contains("How I can help", reply["text"], StringComparison.Ordinal);
        Assert.Single(_slack.CallsTo("chat.postEphemeral"));
    }

    [Fact]
    public async Task Advice_from_a_slash_command_in_a_channel_and_help_in_a_dm_are_normal_messages()
    {
        using (await _host.CommandAsync(string.Empty, SlackRequests.Channel))
        {
        }

        var advice = await _slack.WaitForCallAsync("chat.postMessage", c => c["channel"] == SlackRequests.Channel);
        Assert.False(string.IsNullOrEmpty(advice["text"]));

        using (await _host.CommandAsync("help", SlackRequests.DmChannel))
        {
        }

        var help = await _slack.WaitForCallAsync("chat.postMessage", c => c["channel"] == SlackRequests.DmChannel);
        Assert.Contains("How I can help", help["text"], StringComparison.Ordinal);
        Assert.Empty(_slack.CallsTo("chat.postEphemeral"));
    }
}
