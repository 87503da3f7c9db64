using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace FlywheelBot.Channels.Slack.Installations;

/// <summary>
/// Encrypts Slack tokens for storage with ASP.NET Core Data Protection (authenticated encryption, keys from the
/// shared key ring), so the database never holds an <c>xoxb-</c> or <c>xoxe-</c> string.
/// </summary>
internal sealed class SlackTokenProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "FlywheelBot.Slack.Installations.Tokens.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string token) => _protector.Protect(token);

    /// <summary>The token, or null when it cannot be decrypted (key ring lost or replaced, record tampered with).</summary>
    public string? TryUnprotect(string protectedToken)
    {
        try
        {
            return _protector.Unprotect(protectedToken);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
