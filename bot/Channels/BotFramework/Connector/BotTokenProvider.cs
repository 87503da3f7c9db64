using System.Net.Http.Json;
using System.Text.Json;
using FlywheelBot.Channels.BotFramework.Wire;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework.Connector;

/// <summary>
/// The bot's outbound token, by OAuth client credentials (a plain form POST to the token endpoint, through the standard
/// resilience pipeline). Cached until five minutes before expiry; the cache is read and written only under its lock, so
/// concurrent callers share one request and never see half of an update.
/// </summary>
internal sealed partial class BotTokenProvider(
    IHttpClientFactory httpClients,
    IOptions<BotCredentials> credentials,
    IOptions<BotFrameworkOptions> options,
    TimeProvider clock,
    ILogger<BotTokenProvider> logger) : IBotTokenSource, IDisposable
{
    public const string HttpClientName = "BotFramework.Token";

    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && clock.GetUtcNow() < again.RenewAt)
            {
                return again.Token;
            }

            var creds = credentials.Value;
            var endpoint = options.Value.TokenEndpoint.Replace("{tenant}", Uri.EscapeDataString(creds.TokenTenant), StringComparison.Ordinal);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = creds.MicrosoftAppId!,
                ["client_secret"] = creds.MicrosoftAppPassword ?? string.Empty,
                ["scope"] = options.Value.TokenScope,
            });
            using var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.PostAsync(new Uri(endpoint), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogTokenFailed(logger, (int)response.StatusCode);
                throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
            }

            TokenResponse? token;
            try
            {
                token = await response.Content.ReadFromJsonAsync(BotFrameworkJsonContext.Default.TokenResponse, cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new HttpRequestException("The token endpoint answered something that is not a token response.", ex);
            }

            if (string.IsNullOrEmpty(token?.AccessToken))
            {
                throw new HttpRequestException("The token endpoint answered without an access_token.");
            }

            var lifetime = TimeSpan.FromSeconds(token.ExpiresIn ?? 3600);
            _cached = (token.AccessToken, clock.GetUtcNow() + lifetime - RenewBefore);
            return token.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "The token endpoint refused the bot's client credentials ({StatusCode}); check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId")]
    private static partial void LogTokenFailed(ILogger logger, int statusCode);
}
