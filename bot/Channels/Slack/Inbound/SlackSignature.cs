using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FlywheelBot.Channels.Slack.Inbound;

/// <summary>
/// Slack's request signing, version 0: <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> keyed with the
/// signing secret, compared in constant time, with the timestamp at most the tolerance (5 minutes) away from now.
/// </summary>
internal static class SlackSignature
{
    private const string Version = "v0";

    /// <summary>The <c>X-Slack-Signature</c> value for a body (what Slack sends; tests sign with it too).</summary>
    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(signingSecret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message);
        return $"{Version}={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>
    /// True when <paramref name="signature"/> signs <paramref name="body"/> at <paramref name="timestamp"/> and that
    /// timestamp (Unix seconds) is within <paramref name="tolerance"/> of <paramref name="now"/>, either way.
    /// </summary>
    public static bool IsValid(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = now.ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > (long)tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(signingSecret, timestamp, body));
        var given = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
