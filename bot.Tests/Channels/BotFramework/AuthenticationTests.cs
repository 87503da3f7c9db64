using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using Microsoft.IdentityModel.Tokens;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class AuthenticationTests(AuthenticatedBot bot) : IClassFixture<AuthenticatedBot>
{
    public enum Forgery
    {
        NoHeader,
        Garbage,
        NotBearer,
        AlgNone,
        Hs256,
        Expired,
        NotYetValid,
        WrongIssuer,
        WrongAudience,
        UnknownKey,
        NoExpiry,
        ServiceUrlMismatch,
        NoServiceUrlClaim,
        ChannelNotEndorsed,
        EntraWithoutAppId,
        EntraOtherTenant,
        EntraFromAnotherApp,
    }

    private TokenServer Tokens => bot.Tokens;

    public static TheoryData<Forgery, HttpStatusCode, string> Rejections => new()
    {
        { Forgery.NoHeader, HttpStatusCode.Unauthorized, "bearer token is required" },
        { Forgery.Garbage, HttpStatusCode.Unauthorized, "not a JWT" },
        { Forgery.NotBearer, HttpStatusCode.Unauthorized, "bearer token is required" },
        { Forgery.AlgNone, HttpStatusCode.Unauthorized, "algorithm" },
        { Forgery.Hs256, HttpStatusCode.Unauthorized, "algorithm" },
        { Forgery.Expired, HttpStatusCode.Unauthorized, "expired" },
        { Forgery.NotYetValid, HttpStatusCode.Unauthorized, "not valid yet" },
        { Forgery.WrongIssuer, HttpStatusCode.Unauthorized, "issuer" },
        { Forgery.WrongAudience, HttpStatusCode.Unauthorized, "Audience" },
        { Forgery.UnknownKey, HttpStatusCode.Unauthorized, "not published" },
        { Forgery.NoExpiry, HttpStatusCode.Unauthorized, "no expiry" },
        { Forgery.ServiceUrlMismatch, HttpStatusCode.Forbidden, "serviceUrl" },
        { Forgery.NoServiceUrlClaim, HttpStatusCode.Forbidden, "serviceUrl" },
        { Forgery.ChannelNotEndorsed, HttpStatusCode.Forbidden, "endorsed" },
        { Forgery.EntraWithoutAppId, HttpStatusCode.Unauthorized, "appid/azp" },
        { Forgery.EntraOtherTenant, HttpStatusCode.Unauthorized, "issuer" },
        { Forgery.EntraFromAnotherApp, HttpStatusCode.Unauthorized, "appid/azp" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Forged_or_mismatched_tokens_are_rejected_before_any_turn(Forgery forgery, HttpStatusCode expected, string reason)
    {
        var conversation = $"auth-{forgery}-" + Guid.NewGuid().ToString("N");
        var activity = BotFrameworkHost.Message(conversation, "hi", bot.Connector.ServiceUrl, channelId: forgery == Forgery.ChannelNotEndorsed ? "slack" : "msteams");

        using var response = await Send(activity, Header(forgery));

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(reason, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["message"], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(bot.Host.Turns.Turns, t => t.ConversationKey.EndsWith(conversation, StringComparison.Ordinal));
        Assert.Empty(bot.Connector.To(conversation));
    }

    [Fact]
    public async Task A_valid_Bot_Framework_token_is_accepted_and_the_reply_carries_the_bots_own_token()
    {
        var conversation = "auth-ok-" + Guid.NewGuid().ToString("N");

        using var response = await Send(
            BotFrameworkHost.Message(conversation, "hi", bot.Connector.ServiceUrl),
            "Bearer " + Tokens.BotFrameworkToken(BotFrameworkHost.AppId, bot.Connector.ServiceUrl.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Host.Turns.For($"msteams:{conversation}"));
        var reply = Assert.Single(bot.Connector.To(conversation));
        Assert.StartsWith("Bearer token-", reply.Authorization, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://sts.windows.net/{0}/", "appid")]
    [InlineData("https://login.microsoftonline.com/{0}/v2.0", "azp")]
    public async Task Valid_Entra_tokens_v1_and_v2_are_accepted_for_the_bots_tenant_and_the_Bot_Framework_tenants(string issuerFormat, string appClaim)
    {
        foreach (var tenant in new[] { BotFrameworkHost.TenantId, "d6d49420-f39b-4df7-a1dc-d59a935871db" })
        {
            var conversation = "entra-" + Guid.NewGuid().ToString("N");
            var token = Tokens.Mint(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, issuerFormat, tenant),
                BotFrameworkHost.AppId,
                new Dictionary<string, object> { [appClaim] = BotFrameworkHost.AppId },
                Tokens.EntraKey);

            using var response = await Send(BotFrameworkHost.Message(conversation, "hi", bot.Connector.ServiceUrl, channelId: "emulator"), "Bearer " + token);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Single(bot.Host.Turns.For($"emulator:{conversation}"));
        }
    }

    [Fact]
    public async Task A_rotated_key_is_fetched_when_its_kid_is_first_seen_and_then_accepted()
    {
        await using var host = bot.NewHost();
        using var before = await host.PostAsync(
            BotFrameworkHost.Message("rotate-1", "hi", bot.Connector.ServiceUrl),
            Tokens.BotFrameworkToken(BotFrameworkHost.AppId, bot.Connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var fetches = Tokens.KeySetRequests;

        var rotated = TokenServer.NewKey("bf-key-rotated-" + Guid.NewGuid().ToString("N"));
        Tokens.Publish("bf", rotated, TokenServer.TeamsEndorsements);
        using var after = await host.PostAsync(
            BotFrameworkHost.Message("rotate-2", "hi", bot.Connector.ServiceUrl),
            Tokens.BotFrameworkToken(BotFrameworkHost.AppId, bot.Connector.ServiceUrl, key: rotated));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.True(Tokens.KeySetRequests > fetches, "the key set was fetched again");
        Assert.Single(host.Turns.For("msteams:rotate-2"));
    }

    [Fact]
    public async Task Keys_are_cached_between_requests()
    {
        await using var host = bot.NewHost();
        using var first = await host.PostAsync(
            BotFrameworkHost.Message("cache-1", "hi", bot.Connector.ServiceUrl), Tokens.BotFrameworkToken(BotFrameworkHost.AppId, bot.Connector.ServiceUrl));
        var fetches = Tokens.KeySetRequests;

        using var second = await host.PostAsync(
            BotFrameworkHost.Message("cache-2", "hi", bot.Connector.ServiceUrl), Tokens.BotFrameworkToken(BotFrameworkHost.AppId, bot.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(fetches, Tokens.KeySetRequests);
    }

    [Fact]
    public async Task When_the_signing_keys_cannot_be_fetched_a_valid_looking_token_is_401_never_5xx_nor_accepted()
    {
        var down = LoopbackServer.ClosedPortUrl() + "/.well-known/openidconfiguration";
        await using var host = bot.NewHost(s =>
        {
            s["BotFramework:OpenIdMetadataUrl"] = down;
            s["BotFramework:EntraOpenIdMetadataUrl"] = down;
        });

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var response = await host.PostAsync(
                BotFrameworkHost.Message("down-" + attempt, "hi", bot.Connector.ServiceUrl),
                Tokens.BotFrameworkToken(BotFrameworkHost.AppId, bot.Connector.ServiceUrl));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("could not be fetched", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty(host.Turns.Turns);
    }

    private async Task<HttpResponseMessage> Send(JsonObject activity, string? header)
    {
        using var client = bot.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private string? Header(Forgery forgery) => forgery switch
    {
        Forgery.NoHeader => null,
        Forgery.NotBearer => "Basic dXNlcjpwYXNz",
        _ => "Bearer " + Token(forgery),
    };

    private string Token(Forgery forgery)
    {
        var appId = BotFrameworkHost.AppId;
        var serviceUrl = bot.Connector.ServiceUrl;
        return forgery switch
        {
            Forgery.Garbage => "not-a-jwt",
            Forgery.AlgNone => TokenServer.Unsigned("https://api.botframework.com", appId, serviceUrl),
            Forgery.Hs256 => Tokens.BotFrameworkToken(appId, serviceUrl, key: new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = Tokens.BotFrameworkKey.KeyId }),
            Forgery.Expired => Tokens.BotFrameworkToken(appId, serviceUrl, d =>
            {
                d.NotBefore = DateTime.UtcNow.AddHours(-2);
                d.IssuedAt = DateTime.UtcNow.AddHours(-2);
                d.Expires = DateTime.UtcNow.AddMinutes(-6);
            }),
            Forgery.NotYetValid => Tokens.BotFrameworkToken(appId, serviceUrl, d =>
            {
                d.NotBefore = DateTime.UtcNow.AddMinutes(6);
                d.Expires = DateTime.UtcNow.AddHours(1);
            }),
            Forgery.WrongIssuer => Tokens.Mint("https://evil.example.com", appId, new() { ["serviceurl"] = serviceUrl }, Tokens.BotFrameworkKey),
            Forgery.WrongAudience => Tokens.BotFrameworkToken("some-other-bot", serviceUrl),
            Forgery.UnknownKey => Tokens.BotFrameworkToken(appId, serviceUrl, key: TokenServer.NewKey("never-published")),
            Forgery.NoExpiry => Tokens.BotFrameworkToken(appId, serviceUrl, d => d.Expires = null),
            Forgery.ServiceUrlMismatch => Tokens.BotFrameworkToken(appId, "https://evil.example.com/"),
            Forgery.NoServiceUrlClaim => Tokens.Mint("https://api.botframework.com", appId, new() { ["other"] = "x" }, Tokens.BotFrameworkKey),
            Forgery.ChannelNotEndorsed => Tokens.BotFrameworkToken(appId, serviceUrl),
            Forgery.EntraWithoutAppId => Tokens.Mint($"https://sts.windows.net/{BotFrameworkHost.TenantId}/", appId, new() { ["tid"] = BotFrameworkHost.TenantId }, Tokens.EntraKey),
            Forgery.EntraOtherTenant => Tokens.Mint("https://sts.windows.net/11111111-2222-3333-4444-555555555555/", appId, new() { ["appid"] = appId }, Tokens.EntraKey),
            Forgery.EntraFromAnotherApp => Tokens.Mint($"https://login.microsoftonline.com/{BotFrameworkHost.TenantId}/v2.0", appId, new() { ["azp"] = "another-app-in-the-tenant" }, Tokens.EntraKey),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
    }
}
