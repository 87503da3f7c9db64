using System.Buffers.Text;
using System.Security.Cryptography;

namespace FlywheelBot.Files;

/// <summary>Unguessable file tokens: 32 bytes from the system's cryptographic generator, base64url without padding (43 chars).</summary>
internal static class FileTokens
{
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Only well-formed tokens reach the store (anything else is a 404 without a lookup).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
}
