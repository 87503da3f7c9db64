using FlywheelBot.Files;

namespace FlywheelBot.Tests.Channels.Slack.Support;

/// <summary>Served files with predictable links (for golden files): <c>https://bot.example/api/files/file-{n}</c>.</summary>
internal sealed class FixedServedFiles : IServedFiles
{
    private readonly List<(string ContentType, byte[] Content)> _files = [];

    public IReadOnlyList<(string ContentType, byte[] Content)> Published => _files;

    public Task<ServedFileLink> PublishAsync(ReadOnlyMemory<byte> content, string contentType, string fileName, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        _files.Add((contentType, content.ToArray()));
        var token = $"file-{_files.Count}";
        return Task.FromResult(new ServedFileLink(token, new Uri($"https://bot.example/api/files/{token}"), DateTimeOffset.UnixEpoch + lifetime));
    }

    public Task<ServedFileContent?> FindAsync(string token, CancellationToken cancellationToken) => Task.FromResult<ServedFileContent?>(null);
}
