using System.Text.Json.Nodes;
using FlywheelBot.Channels.Slack;
using FlywheelBot.Channels.Slack.Api;
using FlywheelBot.Tests.Channels.Slack.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>The bot's Web API client against the fake Slack (itself proven with the official WebClient).</summary>
public sealed class SlackApiClientTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    private SlackApiClient Client(TimeSpan? maxRetryAfter = null) => new(
        _http,
        Options.Create(new SlackOptions { ApiBaseUrl = _slack.BaseUrl, MaxRetryAfter = maxRetryAfter ?? TimeSpan.FromSeconds(30) }),
        TimeProvider.System,
        NullLogger<SlackApiClient>.Instance);

    [Fact]
    public async Task Posts_form_encoded_with_the_bearer_token_and_blocks_as_a_json_string()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "a \"quote\" & <b>" } });
        var result = await Client().PostMessageAsync(FakeSlackApi.BotToken, "C0CHANNEL", "fallback", blocks, "1.2", CancellationToken.None);

        Assert.True(result.Ok);
        Assert.False(string.IsNullOrEmpty(result.String("ts")));
        var call = _slack.CallsTo("chat.postMessage").Single();
        Assert.StartsWith("application/x-www-form-urlencoded", call.ContentType, StringComparison.Ordinal);
        Assert.Equal(FakeSlackApi.BotToken, call.Token);
        Assert.Equal("fallback", call["text"]);
        Assert.Equal("1.2", call["thread_ts"]);
        Assert.Equal("a \"quote\" & <b>", JsonNode.Parse(call["blocks"])![0]!["text"]!["text"]!.GetValue<string>());
    }

    public static TheoryData<string, string> Errors => new()
    {
        { "not_in_channel", nameof(SlackApiFailure.ConversationGone) },
        { "channel_not_found", nameof(SlackApiFailure.ConversationGone) },
        { "is_archived", nameof(SlackApiFailure.ConversationGone) },
        { "invalid_auth", nameof(SlackApiFailure.InstallGone) },
        { "account_inactive", nameof(SlackApiFailure.InstallGone) },
        { "token_revoked", nameof(SlackApiFailure.InstallGone) },
        { "invalid_blocks", nameof(SlackApiFailure.Rejected) },
        { "msg_too_long", nameof(SlackApiFailure.Rejected) },
        { "internal_error", nameof(SlackApiFailure.RetryLater) },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Ok_false_errors_are_mapped_to_what_the_bot_does(string error, string expected)
    {
        _slack.FailNext("chat.postMessage", error);
        var result = await Client().PostMessageAsync(FakeSlackApi.BotToken, "C0CHANNEL", "x", null, null, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal(error, result.Error);
        Assert.Equal(expected, result.Failure.ToString());
    }

    [Fact]
    public async Task A_wrong_token_is_an_install_gone()
    {
        var result = await Client().AuthTestAsync("xoxb-not-ours", CancellationToken.None);
        Assert.Equal(SlackApiFailure.InstallGone, result.Failure);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After()
    {
        _slack.ThrottleChannelOnce("C0BUSY", retryAfterSeconds: 1);
        var result = await Client().PostMessageAsync(FakeSlackApi.BotToken, "C0BUSY", "x", null, null, CancellationToken.None);

        Assert.True(result.Ok);
        Assert.Equal(2, _slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task A_429_longer_than_the_limit_is_retry_later_without_waiting()
    {
        _slack.ThrottleChannelOnce("C0BUSY", retryAfterSeconds: 120);
        var result = await Client(maxRetryAfter: TimeSpan.FromSeconds(5)).PostMessageAsync(FakeSlackApi.BotToken, "C0BUSY", "x", null, null, CancellationToken.None);

        Assert.Equal(SlackApiFailure.RetryLater, result.Failure);
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Users_info_gives_the_profile_time_zone_and_conversations_open_a_dm()
    {
        _slack.SetTimeZone("U0ADA", "Europe/Berlin");
        var info = await Client().UsersInfoAsync(FakeSlackApi.BotToken, "U0ADA", CancellationToken.None);
        var dm = await Client().ConversationsOpenAsync(FakeSlackApi.BotToken, "U0ADA", CancellationToken.None);

        Assert.Equal("Europe/Berlin", info.String("user", "tz"));
        Assert.Equal("D0ADA", dm.String("channel", "id"));
    }

    [Fact]
    public async Task An_unreachable_slack_is_retry_later()
    {
        var client = new SlackApiClient(_http, Options.Create(new SlackOptions { ApiBaseUrl = BotFramework.Support.LoopbackServer.ClosedPortUrl() + "/api/" }), TimeProvider.System, NullLogger<SlackApiClient>.Instance);
        var result = await client.AuthTestAsync(FakeSlackApi.BotToken, CancellationToken.None);
        Assert.Equal(SlackApiFailure.RetryLater, result.Failure);
    }
}
