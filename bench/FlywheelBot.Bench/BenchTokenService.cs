using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlywheelBot.Bench;

/// <summary>
/// A stand-in for the Bot Framework token service on loopback, so a cold start can be measured as hosted
/// (Production, authentication on): OpenID metadata and a key set with one RSA key endorsed for <c>msteams</c>, and
/// channel tokens signed with that key.
/// </summary>
internal sealed class BenchTokenService : IAsyncDisposable
{
    private const string KeyId = "bench-key";
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = KeyId };
    private readonly WebApplication _app;

    private BenchTokenService(WebApplication app, string baseUrl)
    {
        _app = app;
        MetadataUrl = $"{baseUrl}/v1/.well-known/openidconfiguration";
    }

    public string MetadataUrl { get; }

    public static async Task<BenchTokenService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        BenchTokenService? service = null;
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext context) => Results.Text(
            new JsonObject { ["issuer"] = "https://api.botframework.com", ["jwks_uri"] = $"{context.Request.Scheme}://{context.Request.Host}/v1/keys" }.ToJsonString(),
            "application/json"));
        app.MapGet("/v1/keys", () => Results.Text(service!.KeySet(), "application/json"));
        await app.StartAsync();
        service = new BenchTokenService(app, app.Urls.First());
        return service;
    }

    /// <summary>A token as a channel sends it to the bot <paramref name="appId"/> for an activity from <paramref name="serviceUrl"/>.</summary>
    public string ChannelToken(string appId, string serviceUrl)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = appId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private string KeySet()
    {
        var parameters = _key.Rsa.ExportParameters(includePrivateParameters: false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray("msteams"),
        };
        return new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString();
    }
}
