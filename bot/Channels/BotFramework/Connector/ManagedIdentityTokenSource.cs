using Azure.Core;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework.Connector;

/// <summary>
/// The outbound token of a <c>UserAssignedMSI</c> bot: asked from the managed identity whose client id is
/// <c>MicrosoftAppId</c> (on App Service through <c>IDENTITY_ENDPOINT</c>/<c>IDENTITY_HEADER</c>), for the
/// <c>BotFramework:TokenScope</c>. No secret is involved. Cached until five minutes before expiry; concurrent callers
/// share one request.
/// </summary>
internal sealed partial class ManagedIdentityTokenSource(
    [FromKeyedServices(ManagedIdentityTokenSource.CredentialKey)] TokenCredential credential,
    IOptions<BotFrameworkOptions> options,
    TimeProvider clock,
    ILogger<ManagedIdentityTokenSource> logger) : IBotTokenSource, IDisposable
{
    /// <summary>The DI key of the bot identity's <see cref="TokenCredential"/>.</summary>
    public const string CredentialKey = "BotFramework.ManagedIdentity";

    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _cached;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            try
            {
                var issued = await credential.GetTokenAsync(new TokenRequestContext([options.Value.TokenScope]), cancellationToken);
                _cached = issued;
                return issued.Token;
            }
            catch (Exception ex) when (ex is Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException)
            {
                LogTokenFailed(logger, ex.GetType().Name);
                throw new HttpRequestException("The managed identity gave no token for the connector.", ex);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Fresh() =>
        _cached is { } cached && clock.GetUtcNow() < cached.ExpiresOn - RenewBefore ? cached.Token : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "The managed identity gave no token for the connector ({Failure}); check that the identity named by MicrosoftAppId is assigned to this app")]
    private static partial void LogTokenFailed(ILogger logger, string failure);
}
