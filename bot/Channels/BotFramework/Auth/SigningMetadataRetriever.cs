using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace FlywheelBot.Channels.BotFramework.Auth;

/// <summary>
/// Fetches an OpenID configuration, follows its <c>jwks_uri</c> and reads the key set. Endorsements are read from the
/// raw JWKS JSON, because they are not a standard JWK member.
/// </summary>
internal sealed class SigningMetadataRetriever : IConfigurationRetriever<SigningMetadata>
{
    public async Task<SigningMetadata> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        var configJson = await retriever.GetDocumentAsync(address, cancel);
        string jwksUri;
        using (var config = JsonDocument.Parse(configJson))
        {
            jwksUri = config.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
                ? uri.GetString()!
                : throw new InvalidOperationException($"The OpenID metadata at {address} has no jwks_uri.");
        }

        var jwksJson = await retriever.GetDocumentAsync(jwksUri, cancel);
        return Parse(jwksJson);
    }

    internal static SigningMetadata Parse(string jwksJson)
    {
        var keys = ImmutableDictionary.CreateBuilder<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in new JsonWebKeySet(jwksJson).Keys)
        {
            if (!string.IsNullOrEmpty(key.Kid) && key.Kty == JsonWebAlgorithmsKeyTypes.RSA)
            {
                keys[key.Kid] = key;
            }
        }

        var endorsements = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        using var raw = JsonDocument.Parse(jwksJson);
        if (raw.RootElement.TryGetProperty("keys", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var key in list.EnumerateArray())
            {
                if (key.ValueKind == JsonValueKind.Object
                    && key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
                    && key.TryGetProperty("endorsements", out var endorsed) && endorsed.ValueKind == JsonValueKind.Array)
                {
                    endorsements[kid.GetString()!] = [.. endorsed.EnumerateArray()
                        .Where(e => e.ValueKind == JsonValueKind.String)
                        .Select(e => e.GetString()!)];
                }
            }
        }

        return new SigningMetadata(keys.ToImmutable(), endorsements.ToImmutable());
    }
}
