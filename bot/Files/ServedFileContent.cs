namespace FlywheelBot.Files;

/// <summary>A served file as it is fetched: bytes, content type, file name.</summary>
public sealed record ServedFileContent(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
