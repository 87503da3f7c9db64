using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FlywheelBot.Tests.Channels.BotFramework.Support;
using FlywheelBot.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlywheelBot.Tests.Channels.BotFramework;

/// <summary>
/// <c>MicrosoftAppType=UserAssignedMSI</c> in the real process, as on App Service: no password, the outbound token from
/// the managed-identity endpoint named by <c>IDENTITY_ENDPOINT</c>/<c>IDENTITY_HEADER</c> (a fake on loopback), and
/// inbound tokens accepted only for the identity's client id.
/// </summary>
[Trait("Runs", "BotProcess")]
public sealed class ManagedIdentityTests : IAsyncLifetime
{
    private const string ClientId = "6f1c9a52-3d0e-4b8a-9c61-2f7d4e8b1a09";
    private const string IdentityHeader = "identity-header-from-app-service";

    private readonly string _directory = Directory.CreateTempSubdirectory("flywheel-msi-").FullName;
    private readonly ConcurrentQueue<(string Query, string? Header)> _identityRequests = new();
    private TokenServer _tokens = null!;
    private FakeConnector _connector = null!;
    private WebApplication _identity = null!;
    private BotProcess _bot = null!;

    public async Task InitializeAsync()
    {
        _tokens = await TokenServer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        string identityUrl;
        (_identity, identityUrl) = await LoopbackServer.StartAsync(app => app.MapGet("/msi/token", (HttpContext context) =>
        {
            var n = _identityRequests.Count + 1;
            _identityRequests.Enqueue((context.Request.QueryString.Value ?? string.Empty, context.Request.Headers["X-IDENTITY-HEADER"].FirstOrDefault()));
            var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { access_token = $"msi-token-{n}", expires_on = expiresOn, resource = "https://api.botframework.com", token_type = "Bearer" });
        }));

        _bot = await BotProcess.StartAsync(
            _directory,
            new Dictionary<string, string> { ["IDENTITY_ENDPOINT"] = identityUrl + "/msi/token", ["IDENTITY_HEADER"] = IdentityHeader },
            "--MicrosoftAppType=UserAssignedMSI",
            $"--MicrosoftAppId={ClientId}",
            $"--MicrosoftAppTenantId={BotFrameworkHost.TenantId}",
            $"--BotFramework:OpenIdMetadataUrl={_tokens.BotFrameworkMetadataUrl}",
            $"--BotFramework:EntraOpenIdMetadataUrl={_tokens.EntraMetadataUrl}",
            $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "bot.db")}");
    }

    [Fact]
    public async Task Replies_carry_the_managed_identitys_token_asked_for_the_bots_client_id_and_the_Bot_Framework()
    {
        var conversation = "msi-" + Guid.NewGuid().ToString("N");

        using var response = await PostAsync(BotFrameworkHost.Message(conversation, "help", _connector.ServiceUrl), _tokens.BotFrameworkToken(ClientId, _connector.ServiceUrl));
        var replies = await _connector.WaitForAsync(conversation, 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(replies);
        Assert.All(replies, reply => Assert.Equal("Bearer msi-token-1", reply.Authorization));
        var (query, header) = Assert.Single(_identityRequests);
        Assert.Equal(IdentityHeader, header);
        var parameters = System.Web.HttpUtility.ParseQueryString(query);
        Assert.Equal(ClientId, parameters["client_id"]);
        Assert.Equal("https://api.botframework.com", parameters["resource"]);
        Assert.Empty(_connector.TokenRequests);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var conversation = "msi-" + Guid.NewGuid().ToString("N");

        using var response = await PostAsync(
            BotFrameworkHost.Message(conversation, "help", _connector.ServiceUrl), _tokens.BotFrameworkToken(Guid.NewGuid().ToString(), _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.To(conversation));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _identity.DisposeAsync();
        await _connector.DisposeAsync();
        await _tokens.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<HttpResponseMessage> PostAsync(System.Text.Json.Nodes.JsonNode activity, string bearer)
    {
        using var client = new HttpClient { BaseAddress = _bot.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
