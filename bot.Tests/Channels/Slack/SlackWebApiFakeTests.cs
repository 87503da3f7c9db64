using System.Text.Json;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.Slack.Support;
using FlywheelBot.Tests.Views;

namespace FlywheelBot.Tests.Channels.Slack;

/// <summary>
/// The fake Slack Web API is driven by the official <c>@slack/web-api</c> WebClient (slackApiUrl pointed at it): the
/// client's requests are what the fake reads, and the fake's answers are what the client accepts as Slack's (results,
/// platform errors, the 429 pause and retry). Tests of the bot's own client then trust the fake.
/// </summary>
public sealed class SlackWebApiFakeTests
{
    [NodePeersFact]
    public async Task The_official_WebClient_talks_to_the_fake_as_to_slack()
    {
        Assert.True(NodePeers.MissingReason is null, $"Required peer missing: {NodePeers.MissingReason}");
        await using var slack = await FakeSlackApi.StartAsync();
        slack.ThrottleChannelOnce("C0BUSY", retryAfterSeconds: 1);

        var (exit, output) = await NodePeers.RunAsync("slack-webclient.mjs", slack.BaseUrl, FakeSlackApi.BotToken);
        Assert.True(exit == 0, output);
        var result = JsonNode.Parse(output.Trim())!.AsObject();

        // What the client made of the fake's answers.
        Assert.Equal(FakeSlackApi.TeamId, (string?)result["auth"]!["response"]!["team_id"]);
        Assert.Equal(FakeSlackApi.BotUserId, (string?)result["auth"]!["response"]!["user_id"]);
        var ts = (string?)result["post"]!["response"]!["ts"];
        Assert.False(string.IsNullOrEmpty(ts));
        Assert.Equal(ts, (string?)result["update"]!["response"]!["ts"]);
        Assert.True((bool)result["ephemeral"]!["ok"]!);
        Assert.StartsWith("V", (string?)result["viewsOpen"]!["response"]!["view"]!["id"], StringComparison.Ordinal);
        Assert.Equal("home", (string?)result["viewsPublish"]!["response"]!["view"]!["type"]);
        Assert.Equal("America/Los_Angeles", (string?)result["usersInfo"]!["response"]!["user"]!["tz"]);
        Assert.StartsWith("D", (string?)result["open"]!["response"]!["channel"]!["id"], StringComparison.Ordinal);
        var platform = (string?)result["errorCodes"]!["platform"];
        Assert.Equal(platform, (string?)result["notInChannel"]!["code"]);
        Assert.Equal("not_in_channel", (string?)result["notInChannel"]!["error"]);
        Assert.Equal(platform, (string?)result["badToken"]!["code"]);
        Assert.Equal("invalid_auth", (string?)result["badToken"]!["error"]);
        Assert.True((bool)result["throttled"]!["ok"]!, "the client waits out the fake's Retry-After and succeeds");

        // What the fake read from the client's requests: form bodies, objects as JSON strings, the bearer token.
        var post = slack.CallsTo("chat.postMessage").First();
        Assert.StartsWith("application/x-www-form-urlencoded", post.ContentType, StringComparison.Ordinal);
        Assert.Equal(FakeSlackApi.BotToken, post.Token);
        Assert.Equal("C0CHANNEL", post["channel"]);
        Assert.Equal("1.000001", post["thread_ts"]);
        Assert.Equal("*Hi* <&>", JsonNode.Parse(post["blocks"])![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("modal", JsonNode.Parse(slack.CallsTo("views.open").Single()["view"])!["type"]!.GetValue<string>());
        Assert.Equal(2, slack.CallsTo("chat.postMessage").Count(c => c.Args.GetValueOrDefault("channel") == "C0BUSY"));
        Assert.Equal("U0ADA", slack.CallsTo("users.info").Single()["user"]);
        Assert.Equal("xoxb-wrong", slack.CallsTo("auth.test").Last().Token);
        _ = JsonSerializer.Serialize(result);
    }
}
