using System.Text.Json;
using FlywheelBot.Storage;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// Installations in the document store (<see cref="SlackInstallationKeys"/>), read with their version and written
/// version-checked, so a token pair is replaced whole and only by the writer that read the pair it replaces.
/// </summary>
internal sealed partial class SlackInstallationStore(IDocumentStore store, ILogger<SlackInstallationStore> logger)
{
    public async Task<(StoredSlackInstallation? Value, long Version)> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(SlackInstallationKeys.Collection, key, cancellationToken);
        if (document is null)
        {
            return (null, 0);
        }

        try
        {
            return (JsonSerializer.Deserialize(document.Json, SlackInstallationsJsonContext.Default.StoredSlackInstallation), document.Version);
        }
        catch (JsonException exception)
        {
            LogUnreadable(document.Version, exception.Path ?? "$");
            return (null, document.Version);
        }
    }

    /// <summary>Writes if the stored version is still <paramref name="expectedVersion"/> (0: only if absent, null: always); the new version or null.</summary>
    public async Task<long?> TryWriteAsync(string key, StoredSlackInstallation installation, long? expectedVersion, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(installation, SlackInstallationsJsonContext.Default.StoredSlackInstallation);
        var result = await store.PutAsync(new DocumentWrite(SlackInstallationKeys.Collection, key, json, expectedVersion), cancellationToken);
        return result.Succeeded ? result.Version : null;
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        store.DeleteAsync(SlackInstallationKeys.Collection, key, expectedVersion: null, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "A stored Slack installation (version {Version}) could not be read at {Path}; treating it as absent")]
    private partial void LogUnreadable(long version, string path);
}
