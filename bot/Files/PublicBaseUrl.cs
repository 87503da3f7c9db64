using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Files;

/// <summary>
/// The base URL for links the bot hands out: <c>Hosting:PublicUrl</c> when set, else the first address this server
/// listens on (a wildcard host becomes 127.0.0.1), which is right for local runs and tests only.
/// </summary>
internal sealed class PublicBaseUrl(IOptions<HostingOptions> options, IServer server)
{
    public Uri Get()
    {
        if (options.Value.PublicBaseUri is { } configured)
        {
            return configured;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Hosting:PublicUrl is not set and the server has no address yet.");
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
