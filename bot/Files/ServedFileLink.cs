namespace FlywheelBot.Files;

/// <summary>Where a published file can be fetched (anonymously) until <see cref="ExpiresAt"/>.</summary>
public sealed record ServedFileLink(string Token, Uri Url, DateTimeOffset ExpiresAt);
