using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework;

/// <summary>
/// Where the bot may send replies (issue 14, item 1). A <c>serviceUrl</c> must be an absolute http(s) URL without user
/// info, query or fragment (a connector base URL has none; keeping them would let a caller steer the bot's requests),
/// must not be the bot's own endpoint (a bot replying to itself loops until memory runs out), and with authentication
/// off, where nobody vouches for the URL, must be a loopback host or start with an entry of
/// <see cref="BotFrameworkOptions.TrustedServiceUrls"/>. Checked on every inbound activity (400) and again before every
/// send (stored addresses included).
/// </summary>
internal sealed class ServiceUrlPolicy(IOptions<BotCredentials> credentials, IOptions<BotFrameworkOptions> options, IServer? server = null)
{
    /// <summary>Why <paramref name="serviceUrl"/> may not be used, or null when it may.</summary>
    /// <param name="inbound">The request that brought it, if any: its Host and local port are the bot's own.</param>
    public string? Refusal(string? serviceUrl, HttpRequest? inbound)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return "The serviceUrl must be an absolute http(s) URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "The serviceUrl must not carry user info.";
        }

        if (serviceUrl.Contains('?', StringComparison.Ordinal) || serviceUrl.Contains('#', StringComparison.Ordinal))
        {
            return "The serviceUrl must not carry a query or a fragment.";
        }

        if (IsSelf(uri, inbound))
        {
            return "The serviceUrl is this bot's own endpoint.";
        }

        if (!credentials.Value.AuthenticationEnabled && !IsLoopback(uri) && !IsAllowListed(uri))
        {
            return "With authentication off, replies go only to loopback service URLs or to BotFramework:TrustedServiceUrls.";
        }

        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)));

    private bool IsAllowListed(Uri uri)
    {
        var target = Normalize(uri);
        return options.Value.TrustedServiceUrls
            .Select(entry => Uri.TryCreate(entry, UriKind.Absolute, out var allowed) ? Normalize(allowed) : null)
            .Any(allowed => allowed is not null && (target == allowed || target.StartsWith(allowed + "/", StringComparison.Ordinal)));
    }

    private static string Normalize(Uri uri) => $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}".ToLowerInvariant();

    private bool IsSelf(Uri uri, HttpRequest? inbound)
    {
        if (inbound is not null && inbound.Host.HasValue && string.Equals(uri.Authority, inbound.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IsLoopback(uri))
        {
            return false;
        }

        if (inbound?.HttpContext.Connection.LocalPort is > 0 and var local && local == uri.Port)
        {
            return true;
        }

        var addresses = server?.Features.Get<IServerAddressesFeature>()?.Addresses;
        return addresses is not null && addresses.Any(address =>
            Uri.TryCreate(address.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var own)
            && own.Port == uri.Port);
    }
}
