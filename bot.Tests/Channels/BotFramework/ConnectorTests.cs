using FlywheelBot.Advisor;
using FlywheelBot.Channels.BotFramework;
using FlywheelBot.Channels.BotFramework.Connector;
using FlywheelBot.Channels.BotFramework.Wire;
using FlywheelBot.Conversations;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class ConnectorTests(ConnectorBot bot) : IClassFixture<ConnectorBot>
{
    private FakeConnector Connector => bot.Connector;

    [Theory]
    [InlineData(412)]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_failures_are_retried_and_the_send_succeeds(int status)
    {
        var address = Address();
        Connector.Script(address.ConversationId, new ScriptedAnswer(status));

        var outcome = await Send(address);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal(2, Connector.To(address.ConversationId).Count);
    }

    [Theory]
    [InlineData(400, SendOutcome.RetryLater)]
    [InlineData(401, SendOutcome.RetryLater)]
    [InlineData(403, SendOutcome.Gone)]
    [InlineData(404, SendOutcome.Gone)]
    [InlineData(413, SendOutcome.RetryLater)]
    [InlineData(500, SendOutcome.RetryLater)]
    public async Task Permanent_failures_are_never_retried(int status, SendOutcome expected)
    {
        var address = Address();
        Connector.Script(address.ConversationId, new ScriptedAnswer(status));

        var outcome = await Send(address);

        Assert.Equal(expected, outcome);
        Assert.Single(Connector.To(address.ConversationId));
    }

    [Fact]
    public async Task Retry_After_is_honoured()
    {
        var address = Address();
        Connector.Script(address.ConversationId, new ScriptedAnswer(429, RetryAfter: TimeSpan.FromSeconds(7)));

        var outcome = await Send(address);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal(2, Connector.To(address.ConversationId).Count);
        Assert.Contains(bot.Host.Clock.RequestedDelays, d => d == TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_longest_wait_is_not_waited_for_but_retried_later()
    {
        var address = Address();
        Connector.Script(address.ConversationId, new ScriptedAnswer(429, RetryAfter: TimeSpan.FromMinutes(5)));

        var outcome = await Send(address);

        Assert.Equal(SendOutcome.RetryLater, outcome);
        Assert.Single(Connector.To(address.ConversationId));
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_retry_later()
    {
        var address = Address();
        Connector.Script(address.ConversationId, new ScriptedAnswer(503), new ScriptedAnswer(503), new ScriptedAnswer(503), new ScriptedAnswer(503));

        var outcome = await Send(address);

        Assert.Equal(SendOutcome.RetryLater, outcome);
        Assert.Equal(4, Connector.To(address.ConversationId).Count);
    }

    [Fact]
    public async Task A_timed_out_attempt_is_retried()
    {
        var address = Address();
        Connector.Script(address.ConversationId, new ScriptedAnswer(201, Stall: TimeSpan.FromSeconds(10)));

        var outcome = await Send(address);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal(2, Connector.To(address.ConversationId).Count);
    }

    [Fact]
    public async Task A_connector_that_never_answers_is_retry_later()
    {
        var address = Address();
        var stall = new ScriptedAnswer(201, Stall: TimeSpan.FromSeconds(10));
        Connector.Script(address.ConversationId, stall, stall, stall, stall);

        var outcome = await Send(address);

        Assert.Equal(SendOutcome.RetryLater, outcome);
        Assert.Equal(4, Connector.To(address.ConversationId).Count);
    }

    [Fact]
    public async Task A_connector_nobody_listens_on_is_retried_then_retry_later()
    {
        var address = Address() with { ServiceUrl = LoopbackServer.ClosedPortUrl() + "/" };
        var waitsBefore = bot.Host.Clock.RequestedDelays.Count;

        var outcome = await Send(address);

        Assert.Equal(SendOutcome.RetryLater, outcome);
        Assert.Equal(3, bot.Host.Clock.RequestedDelays.Skip(waitsBefore).Count(d => d > TimeSpan.Zero && d < ConnectorBot.AttemptTimeout));
    }

    [Fact]
    public async Task A_token_endpoint_that_hangs_is_retry_later_and_never_an_exception()
    {
        await using var host = bot.NewHost();
        var address = Address();
        Connector.TokenStall = TimeSpan.FromMinutes(2);
        try
        {
            var outcome = await Send(address, host);

            Assert.Equal(SendOutcome.RetryLater, outcome);
            Assert.Empty(Connector.To(address.ConversationId));
        }
        finally
        {
            Connector.TokenStall = null;
        }
    }

    [Fact]
    public async Task A_hanging_token_endpoint_never_fails_the_inbound_request_and_the_reply_follows_once_it_answers()
    {
        await using var host = bot.NewHost();
        var conversation = "token-hang-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "hi", Connector.ServiceUrl);
        var token = bot.Tokens.BotFrameworkToken(BotFrameworkHost.AppId, Connector.ServiceUrl);
        HttpResponseMessage first;
        Connector.TokenStall = TimeSpan.FromMinutes(10);
        try
        {
            first = await host.PostAsync(activity, token);
        }
        finally
        {
            Connector.TokenStall = null;
        }

        using (first)
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, first.StatusCode);
        }

        var reply = Assert.Single(await Connector.WaitForAsync(conversation, 1, TimeSpan.FromSeconds(30)));
        Assert.StartsWith("Bearer token-", reply.Authorization, StringComparison.Ordinal);
        using var redelivered = await host.PostAsync(activity, token);
        Assert.Equal(System.Net.HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Single(host.Turns.For($"msteams:{conversation}"));
        Assert.Single(Connector.To(conversation));
    }

    [Fact]
    public async Task Teams_conversation_ids_are_url_encoded()
    {
        const string teamsId = "19:abc-def;messageid=1700000000000@thread.tacv2";
        var address = Address() with { ConversationId = teamsId, ServiceUrl = Connector.ServiceUrl };
        var client = bot.Host.Services.GetRequiredService<ConnectorClient>();

        var sent = await Send(address);
        var updated = await client.UpdateAsync(address.ServiceUrl, teamsId, "1:activity/x", new Activity { Type = "message", Text = "edit" }, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, sent);
        Assert.True(updated.Succeeded);
        var requests = Connector.To("19%3Aabc-def%3Bmessageid%3D1700000000000%40thread.tacv2");
        Assert.Equal(
            ["POST /v3/conversations/19%3Aabc-def%3Bmessageid%3D1700000000000%40thread.tacv2/activities",
             "PUT /v3/conversations/19%3Aabc-def%3Bmessageid%3D1700000000000%40thread.tacv2/activities/1%3Aactivity%2Fx"],
            requests.Select(r => $"{r.Method} {r.RawPath}"));
    }

    [Fact]
    public async Task A_proactive_message_is_a_card_from_the_bot_without_an_id()
    {
        var address = Address();

        await Send(address);

        var activity = Assert.Single(Connector.To(address.ConversationId)).Json;
        Assert.False(activity.ContainsKey("id"));
        Assert.False(activity.ContainsKey("replyToId"));
        Assert.Equal(BotFrameworkHost.BotId, (string?)activity["from"]!["id"]);
        Assert.Equal(address.ConversationId, (string?)activity["conversation"]!["id"]);
        Assert.Equal(BotFrameworkHost.TenantId, (string?)activity["conversation"]!["tenantId"]);
        Assert.Equal("check-in", (string?)activity["summary"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)activity["attachments"]![0]!["contentType"]);
    }

    [Fact]
    public async Task The_token_is_fetched_once_by_client_credentials_for_the_bots_tenant_and_reused()
    {
        await using var host = bot.NewHost();
        var before = Connector.TokenRequests.Count;
        var first = Address();
        var second = Address();

        await Send(first, host);
        await Send(second, host);

        Assert.Equal(before + 1, Connector.TokenRequests.Count);
        var form = Connector.TokenRequests.Last();
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(BotFrameworkHost.AppId, form["client_id"]);
        Assert.Equal("test-secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
        Assert.Equal(BotFrameworkHost.TenantId, Connector.TokenTenants.Last());
        var tokens = new[] { first, second }.Select(a => Assert.Single(Connector.To(a.ConversationId)).Authorization).ToList();
        Assert.All(tokens, t => Assert.StartsWith("Bearer token-", t, StringComparison.Ordinal));
        Assert.Single(tokens.Distinct());
    }

    [Fact]
    public async Task A_multi_tenant_bot_asks_the_botframework_com_tenant()
    {
        await using var host = bot.NewHost(s =>
        {
            s["MicrosoftAppType"] = "MultiTenant";
            s.Remove("MicrosoftAppTenantId");
        });

        await Send(Address(), host);

        Assert.Equal("botframework.com", Connector.TokenTenants.Last());
    }

    [Fact]
    public async Task The_token_never_goes_to_a_serviceUrl_that_is_neither_validated_nor_allow_listed()
    {
        var untrusted = Address() with { ServiceUrl = Connector.BaseUrl + "/elsewhere/" };

        var outcome = await Send(untrusted);

        Assert.Equal(SendOutcome.Sent, outcome);
        var request = Assert.Single(Connector.To(untrusted.ConversationId));
        Assert.StartsWith("/elsewhere/v3/conversations/", request.RawPath, StringComparison.Ordinal);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task A_serviceUrl_from_a_validated_request_is_trusted_after_a_restart()
    {
        var serviceUrl = Connector.BaseUrl + "/validated/";
        var conversation = "validated-" + Guid.NewGuid().ToString("N");
        await using (var first = bot.NewHost())
        {
            using var response = await first.PostAsync(
                BotFrameworkHost.Message(conversation, "hi", serviceUrl),
                bot.Tokens.BotFrameworkToken(BotFrameworkHost.AppId, serviceUrl));
            // This fixture's clock runs at 1/100, so the acknowledgement budget is 50 ms: the reply may follow the answer.
            Assert.True(response.StatusCode is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.Accepted, $"{response.StatusCode}");
            Assert.NotNull(Assert.Single(await Connector.WaitForAsync(conversation, 1)).Authorization);

            await using var restarted = bot.NewHost();
            foreach (var doc in await first.Store.ListAsync(TrustedServiceUrls.Collection, string.Empty, 10, CancellationToken.None))
            {
                await restarted.Store.PutAsync(new FlywheelBot.Storage.DocumentWrite(doc.Collection, doc.Key, doc.Json, null), CancellationToken.None);
            }

            var address = Address() with { ServiceUrl = serviceUrl };
            Assert.Equal(SendOutcome.Sent, await Send(address, restarted));
            Assert.NotNull(Assert.Single(Connector.To(address.ConversationId)).Authorization);
        }
    }

    /// <summary>The Bot Framework route of a new conversation (the part of a stored address these tests vary).</summary>
    private BotFrameworkRoute Address()
    {
        var id = "proactive-" + Guid.NewGuid().ToString("N");
        return new BotFrameworkRoute("msteams", Connector.ServiceUrl, id, BotFrameworkHost.BotId, "FlywheelBot", BotFrameworkHost.TenantId);
    }

    /// <summary>Sends through the app's <see cref="IProactiveMessenger"/>: the router, which picks the Bot Framework messenger.</summary>
    private Task<SendOutcome> Send(BotFrameworkRoute route, BotFrameworkHost? host = null)
    {
        var address = new ConversationAddress(BotFrameworkRoute.Channel, $"msteams:{route.ConversationId}", ConversationScope.Personal, null, route);
        return (host ?? bot.Host).Services.GetRequiredService<IProactiveMessenger>().SendAsync(address, new TestView("check-in"), CancellationToken.None);
    }
}
