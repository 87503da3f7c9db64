namespace FlywheelBot.Files;

/// <summary>The stored body of a served file: its bytes (base64 in the JSON document), content type and file name.</summary>
internal sealed record StoredFile(string FileName, string ContentType, byte[] Content);
