using System.Collections.Immutable;
using FlywheelBot.Channels.BotFramework.Wire;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlywheelBot.Channels.BotFramework.Auth;

/// <summary>
/// Validates the bearer token of an inbound activity: Bot Framework tokens (issuer <see cref="TokenIssuers.BotFramework"/>,
/// audience = the bot's app id) and Entra tokens (v1 and v2, the bot's tenant and the Bot Framework tenants, requested by
/// the bot itself: appid/azp, audiences per <see cref="TokenIssuers"/>); RS256/384/512 only; lifetime with 5 minutes of
/// skew on the injected clock; <c>serviceurl</c> claim = the activity's serviceUrl; key endorsements include the
/// activity's channelId. Fails closed: metadata that cannot be fetched rejects.
/// </summary>
internal sealed partial class BotAuthenticator(
    string appId,
    TokenIssuers issuers,
    SigningKeySource botFrameworkKeys,
    SigningKeySource entraKeys,
    TimeProvider clock,
    ILogger<BotAuthenticator> logger)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly ImmutableArray<string> AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>
    /// Starts fetching the Bot Framework signing keys (the issuer of the tokens channels send) without waiting for it,
    /// so the first request finds them fetched or on their way. Entra keys are fetched when a token first needs them.
    /// </summary>
    public void Prefetch() => botFrameworkKeys.Prefetch();

    public async Task<AuthResult> AuthenticateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Reject(AuthResult.Unauthorized("A bearer token is required."));
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(authorization[scheme.Length..].Trim());
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return Reject(AuthResult.Unauthorized("The bearer token is not a JWT."));
        }

        if (!AllowedAlgorithms.Contains(token.Alg))
        {
            return Reject(AuthResult.Unauthorized("The token's signing algorithm is not allowed."));
        }

        var issuer = token.Issuer;
        var isBotFramework = string.Equals(issuer, issuers.BotFramework, StringComparison.Ordinal);
        var isEntraV1 = issuers.EntraV1.Contains(issuer);
        var isEntraV2 = issuers.EntraV2.Contains(issuer);
        if (!isBotFramework && !isEntraV1 && !isEntraV2)
        {
            return Reject(AuthResult.Unauthorized("The token's issuer is not trusted."));
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return Reject(AuthResult.Unauthorized("The token names no signing key."));
        }

        SigningKey? key;
        try
        {
            key = await (isBotFramework ? botFrameworkKeys : entraKeys).FindAsync(token.Kid, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogMetadataUnavailable(logger, ex);
            return Reject(AuthResult.Unauthorized("The signing keys could not be fetched; the token cannot be checked."));
        }

        if (key is null)
        {
            return Reject(AuthResult.Unauthorized("The token's signing key is not published."));
        }

        var validation = await _handler.ValidateTokenAsync(token, Parameters(issuer, key.Key, isBotFramework ? issuers.BotFrameworkAudiences : issuers.EntraAudiences));
        if (!validation.IsValid)
        {
            return Reject(AuthResult.Unauthorized($"The token is not valid ({validation.Exception?.GetType().Name ?? "unknown"}: {Describe(validation.Exception)})."));
        }

        var lifetime = CheckLifetime(token);
        if (lifetime is not null)
        {
            return Reject(lifetime);
        }

        // Entra tokens (Emulator): the calling app must be the bot itself, as in the Bot Framework SDK's EmulatorValidation:
        // the token version (claim "ver", else the issuer's form) says where it is: appid in v1, azp in v2. Otherwise any
        // app in the bot's tenant could obtain a token for the bot's audience and speak for a channel.
        if (!isBotFramework && !string.Equals(CallingApp(token, isEntraV1), appId, StringComparison.Ordinal))
        {
            return Reject(AuthResult.Unauthorized("The Entra token was not requested by this bot (appid/azp)."));
        }

        var hasServiceUrl = token.TryGetPayloadValue<string>("serviceurl", out var serviceUrlClaim);
        if ((isBotFramework || hasServiceUrl)
            && !string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return Reject(AuthResult.Forbidden("The token was issued for another serviceUrl."));
        }

        if (key.Endorsements is { } endorsed && !endorsed.Contains(activity.ChannelId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            return Reject(AuthResult.Forbidden("The signing key is not endorsed for this channel."));
        }

        return AuthResult.Accepted;
    }

    private static string? CallingApp(JsonWebToken token, bool issuedAsV1)
    {
        var version = token.TryGetPayloadValue<string>("ver", out var ver) ? ver : (issuedAsV1 ? "1.0" : "2.0");
        var claim = version switch
        {
            "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        return claim is not null && token.TryGetPayloadValue<string>(claim, out var caller) ? caller : null;
    }

    /// <summary>What the validation refused, for the log (never for the caller).</summary>
    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => "audience",
        SecurityTokenInvalidIssuerException => "issuer",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "signature",
        SecurityTokenInvalidAlgorithmException => "algorithm",
        _ => "token",
    };

    private static TokenValidationParameters Parameters(string issuer, SecurityKey key, ImmutableArray<string> audiences) => new()
    {
        ValidIssuer = issuer,
        ValidAudiences = audiences,
        IssuerSigningKey = key,
        ValidAlgorithms = AllowedAlgorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        TryAllIssuerSigningKeys = false,
        ValidateIssuerSigningKey = false,

        // Lifetime is checked against the injected clock in CheckLifetime.
        ValidateLifetime = false,
    };

    private AuthResult? CheckLifetime(JsonWebToken token)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.ValidTo == DateTime.MinValue)
        {
            return AuthResult.Unauthorized("The token has no expiry.");
        }

        if (token.ValidTo.Add(ClockSkew) < now)
        {
            return AuthResult.Unauthorized("The token has expired.");
        }

        return token.ValidFrom != DateTime.MinValue && token.ValidFrom.Subtract(ClockSkew) > now
            ? AuthResult.Unauthorized("The token is not valid yet.")
            : null;
    }

    private AuthResult Reject(AuthResult result)
    {
        LogRejected(logger, result.StatusCode, result.Reason);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an inbound activity ({StatusCode}): {Reason}")]
    private static partial void LogRejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Signing keys could not be fetched; rejecting the request (fail closed)")]
    private static partial void LogMetadataUnavailable(ILogger logger, Exception exception);
}
