using System.Net;
using FlywheelBot.Conversations.Plumbing;
using FlywheelBot.Storage;
using FlywheelBot.Tests.Channels.BotFramework.Support;

namespace FlywheelBot.Tests.Channels.BotFramework;

/// <summary>
/// Issue 14, items 2 and 3: the inbound answer never waits for a slow channel past the acknowledgement budget, and a
/// failure either completes the reply later or releases the de-duplication claim so a redelivery is answered.
/// </summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task A_throttled_connector_never_holds_the_inbound_answer_past_the_ack_budget_and_the_reply_follows()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = new BotFrameworkHost("Development", new Dictionary<string, string?> { ["BotFramework:AckTimeout"] = "00:00:02" }, timeScale: 0.05);
        var conversation = "throttled-" + Guid.NewGuid().ToString("N");
        connector.Script(conversation, new ScriptedAnswer(StatusCodes429, RetryAfter: TimeSpan.FromSeconds(40)));

        using var response = await host.PostAsync(BotFrameworkHost.Message(conversation, "hi", connector.ServiceUrl));
        var attemptsWhenAnswered = connector.To(conversation).Count;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(attemptsWhenAnswered < 2, $"the answer came before the connector's Retry-After ({attemptsWhenAnswered} attempts)");
        Assert.Equal(2, (await connector.WaitForAsync(conversation, 2, TimeSpan.FromSeconds(30))).Count);
        Assert.Single(host.Turns.For($"msteams:{conversation}"));
    }

    [Fact]
    public async Task A_connector_down_for_a_while_gets_the_reply_later_instead_of_losing_it()
    {
        await using var connector = await FakeConnector.StartAsync();
        // Waits and timeouts at 1/100; an attempt times out after 1.2 s of real time, far longer than a loopback answer.
        await using var host = new BotFrameworkHost("Development", new Dictionary<string, string?> { ["BotFramework:ConnectorAttemptTimeout"] = "00:02:00" }, timeScale: 0.01);
        var conversation = "down-" + Guid.NewGuid().ToString("N");
        var unavailable = new ScriptedAnswer(503);

        // The first send and its three retries all fail; the reply is sent again later and then delivered.
        connector.Script(conversation, unavailable, unavailable, unavailable, unavailable);
        using var response = await host.PostAsync(BotFrameworkHost.Message(conversation, "hi", connector.ServiceUrl));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{response.StatusCode}");
        Assert.Equal(5, (await connector.WaitForAsync(conversation, 5, TimeSpan.FromSeconds(30))).Count);
        Assert.Contains(host.Clock.RequestedDelays, d => d == ReplyRetries.Delays[0]);
    }

    [Fact]
    public async Task Storage_trouble_at_the_claim_answers_503_and_claims_nothing_so_a_redelivery_is_answered()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = new BotFrameworkHost("Development", new Dictionary<string, string?>());
        var conversation = "claim-fails-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "hi", connector.ServiceUrl, id: "redeliver-me");

        // The address rides in the claim's batch: the batch fails as a whole, the claim with it.
        host.Store.Fault = (operation, collection) =>
            operation == "put" && collection == DocumentConversationDirectory.Collection ? new IOException("the address store is down") : null;

        using var failed = await host.PostAsync(activity);
        host.Store.Fault = null;
        using var redelivered = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.DoesNotContain("store is down", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(host.Logs.Contains("the address store is down"), "the error is logged");
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Single(host.Turns.For($"msteams:{conversation}"));
        Assert.Single(await connector.WaitForAsync(conversation, 1));
    }

    [Fact]
    public async Task Storage_trouble_before_the_turn_releases_the_claim_so_a_redelivery_is_answered()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = new BotFrameworkHost("Development", new Dictionary<string, string?>());
        var conversation = "release-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "hi", connector.ServiceUrl, id: "redeliver-me");
        await UnreadableAddressAsync(host, conversation);
        host.Store.Fault = AddressSaveAfterTheClaimFails(new IOException("the address store is down"), null);

        using var failed = await host.PostAsync(activity);
        host.Store.Fault = null;
        using var redelivered = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.True(host.Logs.Contains("the address store is down"), "the first error is logged");
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Single(host.Turns.For($"msteams:{conversation}"));
        Assert.Single(await connector.WaitForAsync(conversation, 1));
    }

    [Fact]
    public async Task Storage_trouble_when_a_deferred_claim_is_stored_answers_503_sends_nothing_and_a_redelivery_is_answered()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = new BotFrameworkHost("Development", new Dictionary<string, string?>());
        var conversation = "deferred-fails-" + Guid.NewGuid().ToString("N");
        using (var first = await host.PostAsync(BotFrameworkHost.Message(conversation, "hi", connector.ServiceUrl, id: "first")))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        Assert.Single(await connector.WaitForAsync(conversation, 1));

        // This instance now holds the conversation's address, so the next turn's claim is deferred to the turn's first
        // write; this turn writes nothing, so the claim is stored on its own before the reply, and that fails.
        var activity = BotFrameworkHost.Message(conversation, "again", connector.ServiceUrl, id: "second");
        host.Store.Fault = (operation, collection) =>
            operation == "put" && collection == TurnDeduplicator.Collection ? new IOException("the claim store is down") : null;
        using var failed = await host.PostAsync(activity);
        host.Store.Fault = null;
        var sentMeanwhile = connector.To(conversation).Count;
        using var redelivered = await host.PostAsync(activity);
        using var again = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.True(host.Logs.Contains("the claim store is down"), "the error is logged");
        Assert.Equal(1, sentMeanwhile);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, (await connector.WaitForAsync(conversation, 2)).Count);
        Assert.Equal(2, connector.To(conversation).Count);
        Assert.NotNull(await host.Store.GetAsync(TurnDeduplicator.Collection, TurnDeduplicator.Key("msteams", $"{conversation}:second"), CancellationToken.None));
    }

    [Fact]
    public async Task A_failing_release_never_hides_the_first_error()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = new BotFrameworkHost("Development", new Dictionary<string, string?>());
        var conversation = "release-fails-" + Guid.NewGuid().ToString("N");
        await UnreadableAddressAsync(host, conversation);
        host.Store.Fault = AddressSaveAfterTheClaimFails(new IOException("the address store is down"), new IOException("the claim store is down"));

        using var failed = await host.PostAsync(BotFrameworkHost.Message(conversation, "hi", connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.True(host.Logs.Contains("the address store is down"), "the first error is logged");
        Assert.True(host.Logs.Contains("the claim store is down"), "the failed release is logged too");
        Assert.DoesNotContain("store is down", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A stored address that cannot be read: the claim's batch leaves it (it only inserts an absent one) and finds it
    /// unreadable, so the address is saved on its own after the claim, where storage trouble must release the claim.
    /// </summary>
    private static Task UnreadableAddressAsync(BotFrameworkHost host, string conversation) =>
        host.Store.PutAsync(new DocumentWrite(DocumentConversationDirectory.Collection, $"msteams:{conversation}", "not an address", null), CancellationToken.None);

    /// <summary>The claim's batch (the first put into the addresses) goes through; the separate save after it fails.</summary>
    private static Func<string, string, Exception?> AddressSaveAfterTheClaimFails(Exception save, Exception? release)
    {
        var puts = 0;
        return (operation, collection) => (operation, collection) switch
        {
            ("put", DocumentConversationDirectory.Collection) => Interlocked.Increment(ref puts) > 1 ? save : null,
            ("delete", TurnDeduplicator.Collection) => release,
            _ => null,
        };
    }

    private const int StatusCodes429 = 429;
}
