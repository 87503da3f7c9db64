using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlywheelBot.Tests.Channels.BotFramework.Support;

/// <summary>
/// The tests' own token service: OpenID metadata and JWKS (with endorsements) for a Bot Framework and an Entra issuer on
/// a real loopback server, and token minting with the published RSA keys (or any other key, for forgeries).
/// </summary>
internal sealed class TokenServer : IAsyncDisposable
{
    public static readonly string[] TeamsEndorsements = ["msteams", "webchat", "emulator"];

    private readonly Dictionary<string, List<(RsaSecurityKey Key, string[]? Endorsements)>> _published = new()
    {
        ["bf"] = [],
        ["entra"] = [],
    };

    private readonly Lock _gate = new();
    private WebApplication? _app;
    private int _keySetRequests;

    public string BaseUrl { get; private set; } = string.Empty;

    public RsaSecurityKey BotFrameworkKey { get; } = NewKey("bf-key-1");

    public RsaSecurityKey EntraKey { get; } = NewKey("entra-key-1");

    public string BotFrameworkMetadataUrl => $"{BaseUrl}/bf/v1/.well-known/openidconfiguration";

    public string EntraMetadataUrl => $"{BaseUrl}/entra/v2.0/.well-known/openid-configuration";

    public int KeySetRequests => Volatile.Read(ref _keySetRequests);

    public static async Task<TokenServer> StartAsync()
    {
        var server = new TokenServer();
        server.Publish("bf", server.BotFrameworkKey, TeamsEndorsements);
        server.Publish("entra", server.EntraKey, null);
        (server._app, server.BaseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/{set}/{version}/.well-known/{name}", (string set, HttpContext context) =>
                Results.Json(new JsonObject { ["issuer"] = set, ["jwks_uri"] = $"{server.BaseUrl}/{set}/keys" }));
            app.MapGet("/{set}/keys", (string set) =>
            {
                Interlocked.Increment(ref server._keySetRequests);
                return Results.Text(server.KeySet(set), "application/json");
            });
        });
        return server;
    }

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public void Publish(string set, RsaSecurityKey key, string[]? endorsements)
    {
        lock (_gate)
        {
            _published[set].Add((key, endorsements));
        }
    }

    /// <summary>A Bot Framework token, as a channel would send it.</summary>
    public string BotFrameworkToken(string audience, string serviceUrl, Action<SecurityTokenDescriptor>? tweak = null, SecurityKey? key = null) =>
        Mint("https://api.botframework.com", audience, new Dictionary<string, object> { ["serviceurl"] = serviceUrl }, key ?? BotFrameworkKey, tweak);

    public string Mint(string issuer, string audience, Dictionary<string, object> claims, SecurityKey key, Action<SecurityTokenDescriptor>? tweak = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(key, key is SymmetricSecurityKey ? SecurityAlgorithms.HmacSha256 : SecurityAlgorithms.RsaSha256),
        };
        tweak?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the claims of a valid one.</summary>
    public static string Unsigned(string issuer, string audience, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = "bf-key-1" };
        var payload = new JsonObject { ["iss"] = issuer, ["aud"] = audience, ["serviceurl"] = serviceUrl, ["nbf"] = now - 60, ["exp"] = now + 600 };
        return $"{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private string KeySet(string set)
    {
        var keys = new JsonArray();
        lock (_gate)
        {
            foreach (var (key, endorsements) in _published[set])
            {
                var parameters = key.Rsa.ExportParameters(false);
                var jwk = new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
                if (endorsements is not null)
                {
                    jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
                }

                keys.Add(jwk);
            }
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }
}
