namespace FlywheelBot.Files;

/// <summary>
/// Files the bot hands out as links (chart images for Slack image blocks, CSV exports, flywheel images): stored with an
/// expiry and served anonymously at <c>GET /api/files/{token}</c>, where the token is 256 bits of randomness. Anyone with
/// the link can fetch the file until it expires (then 404), so only publish what the conversation may see.
/// </summary>
public interface IServedFiles
{
    /// <summary>Stores the file and returns its link (under <c>Hosting:PublicUrl</c>, else this server's own address).</summary>
    Task<ServedFileLink> PublishAsync(ReadOnlyMemory<byte> content, string contentType, string fileName, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>The file behind a token, or null when the token is unknown, malformed or expired.</summary>
    Task<ServedFileContent?> FindAsync(string token, CancellationToken cancellationToken);
}
