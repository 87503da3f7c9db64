using System.Text.Json;
using FlywheelBot.Storage;

namespace FlywheelBot.Files;

/// <summary>
/// <see cref="IServedFiles"/> over the document store (collection <c>served-files</c>, key = token): the record expires
/// with the link, so an expired file is absent at once and purged with the other expired records.
/// </summary>
internal sealed partial class DocumentServedFiles(IDocumentStore store, TimeProvider clock, PublicBaseUrl baseUrl, ILogger<DocumentServedFiles> logger) : IServedFiles
{
    public const string Collection = "served-files";

    /// <summary>The largest file served (the store keeps it as base64 JSON).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public async Task<ServedFileLink> PublishAsync(ReadOnlyMemory<byte> content, string contentType, string fileName, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(content.Length, MaxBytes);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);

        var token = FileTokens.New();
        var expires = clock.GetUtcNow() + lifetime;
        var json = JsonSerializer.Serialize(new StoredFile(fileName, contentType, content.ToArray()), FilesJsonContext.Default.StoredFile);
        var written = await store.PutAsync(new DocumentWrite(Collection, token, json, ExpectedVersion: 0, ExpiresAt: expires), cancellationToken);
        if (!written.Succeeded)
        {
            throw new InvalidOperationException("A fresh 256-bit file token already existed; the random generator is broken.");
        }

        LogPublished(logger, contentType, content.Length, lifetime);
        return new ServedFileLink(token, new Uri(baseUrl.Get(), $"api/files/{token}"), expires);
    }

    public async Task<ServedFileContent?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!FileTokens.IsWellFormed(token))
        {
            return null;
        }

        var stored = await store.GetAsync(Collection, token, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var file = JsonSerializer.Deserialize(stored.Json, FilesJsonContext.Default.StoredFile);
        return file is null ? null : new ServedFileContent(file.FileName, file.ContentType, file.Content);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published a {ContentType} file of {Bytes} bytes for {Lifetime}")]
    private static partial void LogPublished(ILogger logger, string contentType, int bytes, TimeSpan lifetime);
}
