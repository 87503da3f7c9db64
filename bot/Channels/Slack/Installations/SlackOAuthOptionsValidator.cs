using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>Both OAuth credentials or neither; the Web API and authorize URLs absolute http(s). Messages never echo a secret.</summary>
internal sealed class SlackOAuthOptionsValidator : IValidateOptions<SlackOAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasId = !string.IsNullOrWhiteSpace(options.ClientId);
        var hasSecret = !string.IsNullOrWhiteSpace(options.ClientSecret);
        if (hasId != hasSecret)
        {
            return ValidateOptionsResult.Fail(hasId
                ? "Slack:ClientSecret is required when Slack:ClientId is set (both come from the Slack app's Basic Information page)."
                : "Slack:ClientId is required when Slack:ClientSecret is set (both come from the Slack app's Basic Information page).");
        }

        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            return ValidateOptionsResult.Fail("Slack:ApiBaseUrl must be an absolute http(s) URL such as https://slack.com/api/.");
        }

        if (!IsHttpUrl(options.AuthorizeUrl))
        {
            return ValidateOptionsResult.Fail("Slack:AuthorizeUrl must be an absolute http(s) URL such as https://slack.com/oauth/v2/authorize.");
        }

        return ValidateOptionsResult.Success;
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
