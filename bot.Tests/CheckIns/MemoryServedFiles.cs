using FlywheelBot.Files;

namespace FlywheelBot.Tests.CheckIns;

/// <summary>Served files kept in memory: records what was published and hands out links under https://bot.example.</summary>
internal sealed class MemoryServedFiles : IServedFiles
{
    public List<(byte[] Content, string ContentType, string FileName, TimeSpan Lifetime)> Published { get; } = [];

    public Task<ServedFileLink> PublishAsync(ReadOnlyMemory<byte> content, string contentType, string fileName, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        Published.Add((content.ToArray(), contentType, fileName, lifetime));
        return Task.FromResult(new ServedFileLink(fileName, new Uri($"https://bot.example/api/files/{fileName}"), DateTimeOffset.UnixEpoch + lifetime));
    }

    public Task<ServedFileContent?> FindAsync(string token, CancellationToken cancellationToken) => Task.FromResult<ServedFileContent?>(null);
}
