using System.Security.Cryptography;
using System.Text;

namespace FlywheelBot.Channels.BotFramework.TeamsPackage;

/// <summary>
/// The Teams app id for a bot: a name-based (version 5, SHA-1) UUID of the bot id in FlywheelBot's own namespace, so
/// packaging the same bot again gives the same app (an update in Teams, not a second app) and different bots differ.
/// </summary>
internal static class TeamsAppId
{
    /// <summary>FlywheelBot's UUID namespace for Teams app ids (fixed forever: changing it changes every app id).</summary>
    private static readonly Guid Namespace = new("5b0f6a3e-8c1d-4e27-9a54-3f1e7c2d9b60");

    public static Guid For(Guid botId)
    {
        var name = Encoding.UTF8.GetBytes(botId.ToString("D"));
        var input = new byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
        var hash = SHA1.HashData(input); // RFC 9562 version 5 is defined on SHA-1; no security rests on it here
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
