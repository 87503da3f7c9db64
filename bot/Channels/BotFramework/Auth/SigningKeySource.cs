using Microsoft.IdentityModel.Protocols;

namespace FlywheelBot.Channels.BotFramework.Auth;

/// <summary>
/// The cached signing keys of one metadata address. An unknown key id asks for a refresh (rate-limited by
/// <see cref="BotFrameworkOptions.MetadataRefreshInterval"/>) and looks once more: keys rotate.
/// Throws when the metadata cannot be fetched; the caller fails closed.
/// </summary>
internal sealed class SigningKeySource(IConfigurationManager<SigningMetadata> metadata)
{
    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var current = await metadata.GetConfigurationAsync(cancellationToken);
        if (!current.Keys.ContainsKey(keyId))
        {
            metadata.RequestRefresh();
            current = await metadata.GetConfigurationAsync(cancellationToken);
        }

        return current.Keys.TryGetValue(keyId, out var key)
            ? new SigningKey(key, current.Endorsements.TryGetValue(keyId, out var endorsed) ? endorsed : null)
            : null;
    }
}
