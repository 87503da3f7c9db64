using System.Collections.Concurrent;
using FlywheelBot.Storage;
using Microsoft.Extensions.Options;

namespace FlywheelBot.Channels.BotFramework.Connector;

/// <summary>
/// The service URLs the bot hands its token to: those that arrived in an authenticated request (remembered in memory
/// and in the store, so proactive sends after a restart still work) and the <see cref="BotFrameworkOptions.TrustedServiceUrls"/>
/// allow-list. A forged activity cannot make the bot send its token anywhere else.
/// </summary>
internal sealed class TrustedServiceUrls(IDocumentStore store, IOptions<BotFrameworkOptions> options)
{
    public const string Collection = "service-urls";

    private readonly ConcurrentDictionary<string, bool> _known = new(
        options.Value.TrustedServiceUrls.Select(u => KeyValuePair.Create(Normalize(u), true)), StringComparer.Ordinal);

    public async Task RememberAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var key = Normalize(serviceUrl);
        if (_known.TryAdd(key, true))
        {
            await store.PutAsync(new DocumentWrite(Collection, key, "{}", ExpectedVersion: null), cancellationToken);
        }
    }

    public async Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var key = Normalize(serviceUrl);
        if (_known.ContainsKey(key))
        {
            return true;
        }

        if (await store.GetAsync(Collection, key, cancellationToken) is null)
        {
            return false;
        }

        _known.TryAdd(key, true);
        return true;
    }

    /// <summary>Scheme, host and port lower-cased, path kept, trailing slash dropped.</summary>
    internal static string Normalize(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}".ToLowerInvariant()
            : serviceUrl.Trim().TrimEnd('/').ToLowerInvariant();
}
