using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// The two Web API calls of an install, through <c>Slack:ApiBaseUrl</c>: <c>oauth.v2.access</c> (a code exchange or
/// a token refresh, client credentials in the form body) and <c>auth.test</c> (the bot id of a new token).
/// No automatic retries: a code and a refresh token are single-use, so a retry after a lost answer would be refused
/// and could hide the token Slack already issued. Errors come back as values, never as exceptions.
/// </summary>
internal sealed partial class SlackOAuthClient(HttpClient http, IOptions<SlackOAuthOptions> options, ILogger<SlackOAuthClient> logger)
{
    public const string HttpClientName = "Slack.OAuth";

    private readonly SlackOAuthOptions _options = options.Value;

    public Task<SlackOAuthCallResult<OAuthAccessResponse>> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken) =>
        PostAsync(
            "oauth.v2.access",
            [new("code", code), new("redirect_uri", redirectUri.AbsoluteUri), .. Credentials()],
            bearer: null,
            SlackInstallationsJsonContext.Default.OAuthAccessResponse,
            cancellationToken);

    public Task<SlackOAuthCallResult<OAuthAccessResponse>> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        PostAsync(
            "oauth.v2.access",
            [new("grant_type", "refresh_token"), new("refresh_token", refreshToken), .. Credentials()],
            bearer: null,
            SlackInstallationsJsonContext.Default.OAuthAccessResponse,
            cancellationToken);

    public Task<SlackOAuthCallResult<AuthTestResponse>> AuthTestAsync(string token, CancellationToken cancellationToken) =>
        PostAsync("auth.test", [], token, SlackInstallationsJsonContext.Default.AuthTestResponse, cancellationToken);

    private KeyValuePair<string, string>[] Credentials() =>
        [new("client_id", _options.ClientId ?? string.Empty), new("client_secret", _options.ClientSecret ?? string.Empty)];

    private async Task<SlackOAuthCallResult<T>> PostAsync<T>(
        string method,
        KeyValuePair<string, string>[] form,
        string? bearer,
        JsonTypeInfo<T> type,
        CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.ApiBase, method))
        {
            Content = new FormUrlEncodedContent(form),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogHttpFailure(method, (int)response.StatusCode);
                return SlackOAuthCallResult<T>.Failed($"HTTP {(int)response.StatusCode}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var answer = await JsonSerializer.DeserializeAsync(body, type, cancellationToken);
            return answer is null ? SlackOAuthCallResult<T>.Failed("an empty answer") : SlackOAuthCallResult<T>.Answered(answer);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(method, exception.GetType().Name);
            return SlackOAuthCallResult<T>.Failed(exception is OperationCanceledException ? "a timeout" : exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered HTTP {Status}")]
    private partial void LogHttpFailure(string method, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} could not be reached or answered unreadably ({Failure})")]
    private partial void LogUnreachable(string method, string failure);
}
