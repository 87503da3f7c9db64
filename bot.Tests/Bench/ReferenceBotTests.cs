using FlywheelBot.Bench;
using FlywheelBot.Tests.Views;

namespace FlywheelBot.Tests.Bench;

/// <summary>The bench's botbuilder reference bot (node, botbuilder 4.23.3) answers the bench's interview the way the bench checks it.</summary>
public sealed class ReferenceBotTests
{
    [NodePeersFact]
    public async Task The_reference_bot_walks_whole_interviews_to_the_recommendation()
    {
        Assert.True(NodePeers.MissingReason is null, $"Required peer missing: {NodePeers.MissingReason}");
        Assert.True(ReferenceBot.FindPeers() is not null, "peers/botbuilder-reference-bot.mjs or botbuilder is missing (cd peers && npm ci)");
        await using var server = await ServerProcess.StartReferenceAsync(ReferenceBot.FindPeers()!);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var driver = new TurnDriver(client);

        var interviews = await driver.RunInterviewsAsync(conversations: 3, connections: 2, prefix: "test");
        var bare = await driver.RunBareAsync(requests: 5, connections: 1);

        Assert.Equal((39, 0), (interviews.Requests, interviews.Errors));
        Assert.Equal((5, 0), (bare.Requests, bare.Errors));
    }

    [Theory]
    [InlineData("""{"activities":[{"type":"message","text":"Your next move: onboarding"}]}""", true, true)]
    [InlineData("""{"activities":[{"type":"message","summary":"Who do you sell to?"}]}""", false, true)]
    [InlineData("""{"activities":[{"type":"message","summary":"Who do you sell to?"}]}""", true, false)]
    [InlineData("""{"activities":[{"type":"message","text":"Sorry, something went wrong."}]}""", false, false)]
    [InlineData("""{"activities":[]}""", false, false)]
    [InlineData("""{"activities":[""", false, false)]
    public void A_reply_is_good_with_a_reply_no_apology_and_the_recommendation_last(string body, bool last, bool good)
    {
        Assert.Equal(good, TurnDriver.IsGoodReply(System.Net.HttpStatusCode.OK, System.Text.Encoding.UTF8.GetBytes(body), last));
    }
}
