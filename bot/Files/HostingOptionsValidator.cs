using Microsoft.Extensions.Options;

namespace FlywheelBot.Files;

/// <summary><c>Hosting:PublicUrl</c> is empty or an absolute http(s) URL with no query or fragment.</summary>
internal sealed class HostingOptionsValidator : IValidateOptions<HostingOptions>
{
    public ValidateOptionsResult Validate(string? name, HostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.PublicUrl))
        {
            return ValidateOptionsResult.Success;
        }

        return Uri.TryCreate(options.PublicUrl.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Hosting:PublicUrl must be an absolute http(s) URL such as https://flywheel.azurewebsites.net (no query or fragment), or empty.");
    }
}
