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
        var message = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["message"];
        if (expected == HttpStatusCode.Unauthorized)
        {
            // An unauthenticated caller learns nothing (no reason, no exception type); the reason is in the log.
            Assert.Equal("unauthorized", message);
            Assert.True(bot.Host.Logs.Contains(reason), $"the log names the reason '{reason}'");
        }
        else
        {
            Assert.Contains(reason, message, StringComparison.OrdinalIgnoreCase);
        }

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
    public async Task A_new_signing_key_is_accepted_at_first_sight_right_after_a_burst_of_junk_key_ids()
    {
        await using var host = bot.NewHost(s => s.Remove("BotFramework:MetadataRefreshInterval"));
        using var warm = await host.PostAsync(
            BotFrameworkHost.Message("junk-warm", "hi", bot.Connector.ServiceUrl), Tokens.BotFrameworkToken(BotFrameworkHost.AppId, bot.Connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        var fetches = Tokens.KeySetRequests;

        // Unauthenticated junk: well-formed tokens naming key ids nobody published (one RSA key, many made-up ids).
        using var junkRsa = System.Security.Cryptography.RSA.Create(2048);
        var junkTokens = Enumerable.Range(0, 20)
            .Select(_ => Tokens.BotFrameworkToken(BotFrameworkHost.AppId, bot.Connector.ServiceUrl, key: new RsaSecurityKey(junkRsa) { KeyId = "junk-" + Guid.NewGuid().ToString("N") }))
            .ToList();
        var junk = await Task.WhenAll(junkTokens.Select(async (token, i) =>
        {
            using var response = await host.PostAsync(BotFrameworkHost.Message($"junk-{i}", "hi", bot.Connector.ServiceUrl), token);
            return response.StatusCode;
        }));
        var rotated = TokenServer.NewKey("bf-key-new-" + Guid.NewGuid().ToString("N"));
        Tokens.Publish("bf", rotated, TokenServer.TeamsEndorsements);
        using var genuine = await host.PostAsync(
            BotFrameworkHost.Message("junk-then-genuine", "hi", bot.Connector.ServiceUrl),
            Tokens.BotFrameworkToken(BotFrameworkHost.AppId, bot.Connector.ServiceUrl, key: rotated));

        Assert.All(junk, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Single(host.Turns.For("msteams:junk-then-genuine"));
        Assert.InRange(Tokens.KeySetRequests - fetches, 1, 3);
    }

    [Fact]
    public async Task A_junk_key_id_seen_again_is_answered_from_memory_without_fetching()
    {
        await using var host = bot.NewHost();
        var junkKey = TokenServer.NewKey("junk-repeat-" + Guid.NewGuid().ToString("N"));
        using var first = await host.PostAsync(
            BotFrameworkHost.Message("junk-repeat-1", "hi", bot.Connector.ServiceUrl), Tokens.BotFrameworkToken(BotFrameworkHost.AppId, bot.Connector.ServiceUrl, key: junkKey));
        var fetches = Tokens.KeySetRequests;

        using var again = await host.PostAsync(
            BotFrameworkHost.Message("junk-repeat-2", "hi", bot.Connector.ServiceUrl), Tokens.BotFrameworkToken(BotFrameworkHost.AppId, bot.Connector.ServiceUrl, key: junkKey));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(fetches, Tokens.KeySetRequests);
    }

    public static TheoryData<string, string, string, string, string?> SdkTokenKinds => new()
    {
        // Entra v1 from a Bot Framework tenant, for the Bot Framework API, requested by the bot (the Emulator's tokens).
        { "v1 Bot Framework tenant, aud api.botframework.com", "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", "https://api.botframework.com", "appid", "1.0" },
        // Entra v2 from the bot's own tenant.
        { "v2 own tenant, aud api.botframework.com", $"https://login.microsoftonline.com/{BotFrameworkHost.TenantId}/v2.0", "https://api.botframework.com", "azp", "2.0" },
        { "v2 own tenant, aud app id", $"https://login.microsoftonline.com/{BotFrameworkHost.TenantId}/v2.0", BotFrameworkHost.AppId, "azp", "2.0" },
        // Teams SDK: audience api://{appId}.
        { "v2 Teams tenant, aud api://appId", "https://login.microsoftonline.com/69e9b82d-4842-4902-8d1e-abc5b98a55e8/v2.0", "api://" + BotFrameworkHost.AppId, "azp", null },
        { "v1 own tenant, aud api://appId", $"https://sts.windows.net/{BotFrameworkHost.TenantId}/", "api://" + BotFrameworkHost.AppId, "appid", "1.0" },
    };

    [Theory]
    [MemberData(nameof(SdkTokenKinds))]
    public async Task Entra_token_kinds_the_Bot_Framework_SDK_accepts_are_accepted(string kind, string issuer, string audience, string appClaim, string? version)
    {
        var conversation = "sdk-kind-" + Guid.NewGuid().ToString("N");
        var claims = new Dictionary<string, object> { [appClaim] = BotFrameworkHost.AppId };
        if (version is not null)
        {
            claims["ver"] = version;
        }

        using var response = await Send(
            BotFrameworkHost.Message(conversation, "hi", bot.Connector.ServiceUrl, channelId: "emulator"), "Bearer " + Tokens.Mint(issuer, audience, claims, Tokens.EntraKey));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind}: {response.StatusCode}");
        Assert.Single(bot.Host.Turns.For($"emulator:{conversation}"));
    }

    [Theory]
    [InlineData("https://graph.microsoft.com", "azp", "2.0")]
    [InlineData("https://api.botframework.com", "appid", "2.0")]
    public async Task Entra_tokens_for_another_audience_or_with_the_caller_in_the_wrong_claim_are_refused(string audience, string appClaim, string version)
    {
        var conversation = "sdk-refused-" + Guid.NewGuid().ToString("N");
        var token = Tokens.Mint(
            $"https://login.microsoftonline.com/{BotFrameworkHost.TenantId}/v2.0", audience,
            new Dictionary<string, object> { [appClaim] = BotFrameworkHost.AppId, ["ver"] = version }, Tokens.EntraKey);

        using var response = await Send(BotFrameworkHost.Message(conversation, "hi", bot.Connector.ServiceUrl, channelId: "emulator"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Host.Turns.For($"emulator:{conversation}"));
    }

    [Fact]
    public async Task A_sovereign_cloud_is_configured_by_settings_its_issuers_accepted_and_the_public_ones_not()
    {
        const string govTenant = "cab8a31a-1906-4287-a0d8-4eef66b95f6e";
        await using var host = bot.NewHost(s =>
        {
            s["BotFramework:TokenIssuer"] = "https://api.botframework.us";
            s["BotFramework:TokenScope"] = "https://api.botframework.us/.default";
            s["BotFramework:EntraV1IssuerTemplate"] = "https://sts.windows.net/{tenant}/";
            s["BotFramework:EntraV2IssuerTemplate"] = "https://login.microsoftonline.us/{tenant}/v2.0";
            s["BotFramework:BotFrameworkTenants:0"] = govTenant;
        });
        var serviceUrl = bot.Connector.ServiceUrl;
        var channel = Tokens.Mint("https://api.botframework.us", BotFrameworkHost.AppId, new() { ["serviceurl"] = serviceUrl }, Tokens.BotFrameworkKey);
        var emulator = Tokens.Mint($"https://login.microsoftonline.us/{govTenant}/v2.0", "https://api.botframework.us", new() { ["azp"] = BotFrameworkHost.AppId, ["ver"] = "2.0" }, Tokens.EntraKey);
        var publicChannel = Tokens.BotFrameworkToken(BotFrameworkHost.AppId, serviceUrl);
        var publicEmulator = Tokens.Mint("https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0", "https://api.botframework.com", new() { ["azp"] = BotFrameworkHost.AppId, ["ver"] = "2.0" }, Tokens.EntraKey);

        using var a = await host.PostAsync(BotFrameworkHost.Message("gov-1", "hi", serviceUrl), channel);
        using var b = await host.PostAsync(BotFrameworkHost.Message("gov-2", "hi", serviceUrl, channelId: "emulator"), emulator);
        using var c = await host.PostAsync(BotFrameworkHost.Message("gov-3", "hi", serviceUrl), publicChannel);
        using var d = await host.PostAsync(BotFrameworkHost.Message("gov-4", "hi", serviceUrl, channelId: "emulator"), publicEmulator);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], new[] { a.StatusCode, b.StatusCode, c.StatusCode, d.StatusCode });
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
            Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(host.Logs.Contains("could not be fetched"));
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
